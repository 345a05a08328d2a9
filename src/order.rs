//! One stable sort for the whole crate.
//!
//! Every `sort_by_key` on a new element type makes the compiler emit a new
//! copy of the sorting code; in the WebAssembly build those copies added up
//! to tens of kilobytes. Sorting goes through [`by_key`] instead: it sorts
//! `(key, position)` pairs, always the same type, and so one copy of the
//! sorting code serves every caller.

/// Sorts `items` by `key`, keeping equal keys in their order (stable).
pub fn by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut keyed: Vec<(u64, u32)> = items.iter().enumerate().map(|(i, x)| (key(x), i as u32)).collect();
    keyed.sort_unstable();
    let mut old: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keyed.iter().filter_map(|&(_, i)| old[i as usize].take()));
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_by_key_and_keeps_equal_keys_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        super::by_key(&mut v, |&(k, _)| k);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        super::by_key(&mut empty, |&x| x as u64);
        assert!(empty.is_empty());
    }
}
