//! The model file: linear weights over hashed features, and how it is read.
//!
//! A model holds one [`Table`] for each thing it scores (see
//! [`super::Model`]). A table is a logistic regression: the probability is
//! `1 / (1 + e^-(bias + scale * Σ q[h]))` over the hashed features `h` of
//! an example, with `q` one signed byte per weight.
//!
//! The file, little-endian throughout:
//!
//! ```text
//! "SLM1"                       magic and version
//! u8  tables                   how many tables follow
//! per table:
//!   u8  bits                   the hash space is 2^bits buckets
//!   f32 bias, f32 scale
//!   u32 n                      weights that are not zero
//!   n   varint                 their buckets, as gaps from the one before
//!   n   i8                     their quantized weights
//! ```
//!
//! Only non-zero weights are stored, so the file is small; reading it
//! spreads them into a dense table so that scoring is one array read per
//! feature. The two taggers' tables must have 2^[`PAIR_BITS`] buckets (see
//! [`Pair`]); a model whose taggers do not is refused, and the rules then
//! work alone.

use std::fmt;

use super::features::Sink;

const MAGIC: &[u8; 4] = b"SLM1";

/// The bucket of a feature hash in a space of 2^`bits`: its top bits,
/// which the multiplicative hashing of [`super::features`] mixes best.
pub fn bucket(hash: u32, bits: u8) -> usize {
    (hash >> (32 - u32::from(bits))) as usize
}

/// One logistic regression over hashed features.
#[derive(Clone, PartialEq)]
pub struct Table {
    bits: u8,
    bias: f32,
    scale: f32,
    /// The quantized weight of every bucket.
    weights: Vec<i8>,
}

impl fmt::Debug for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Table")
            .field("bits", &self.bits)
            .field("bias", &self.bias)
            .field("scale", &self.scale)
            .field("non_zero", &self.non_zero())
            .finish()
    }
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub &'static str);

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad model file: {}", self.0)
    }
}

impl Table {
    /// A table from weights in real numbers, one per bucket (the trainer's
    /// result): quantized to a byte each, with the largest weight at 127.
    pub fn quantize(bits: u8, bias: f32, weights: &[f32]) -> Table {
        assert_eq!(weights.len(), 1 << bits, "one weight a bucket");
        let largest = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 { largest / 127.0 } else { 1.0 };
        let weights = weights.iter().map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8).collect();
        Table { bits, bias, scale, weights }
    }

    fn bucket(&self, hash: u32) -> usize {
        bucket(hash, self.bits)
    }

    /// The weighted sum of the features, before the logistic function.
    pub fn margin(&self, features: &[u32]) -> f32 {
        let sum: i32 = features.iter().map(|&h| i32::from(self.weights[self.bucket(h)])).sum();
        self.bias + self.scale * sum as f32
    }

    /// The probability the table gives the features.
    pub fn probability(&self, features: &[u32]) -> f32 {
        1.0 / (1.0 + (-self.margin(features)).exp())
    }

    /// How many weights are not zero.
    pub fn non_zero(&self) -> usize {
        self.weights.iter().filter(|&&q| q != 0).count()
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.push(self.bits);
        out.extend_from_slice(&self.bias.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        let kept: Vec<(usize, i8)> =
            self.weights.iter().enumerate().filter(|(_, &q)| q != 0).map(|(b, &q)| (b, q)).collect();
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        let mut previous = 0;
        for &(bucket, _) in &kept {
            let mut gap = bucket - previous;
            previous = bucket;
            loop {
                let byte = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
        }
        out.extend(kept.iter().map(|&(_, q)| q as u8));
    }

    fn read(bytes: &mut Reader<'_>) -> Result<Table, FormatError> {
        let bits = bytes.byte()?;
        if !(8..=24).contains(&bits) {
            return Err(FormatError("hash space out of range"));
        }
        let bias = f32::from_le_bytes(bytes.array()?);
        let scale = f32::from_le_bytes(bytes.array()?);
        if !bias.is_finite() || !scale.is_finite() {
            return Err(FormatError("weights are not finite"));
        }
        let n = u32::from_le_bytes(bytes.array()?) as usize;
        let size = 1usize << bits;
        if n > size {
            return Err(FormatError("more weights than buckets"));
        }
        let mut buckets = Vec::with_capacity(n);
        let mut bucket = 0usize;
        for _ in 0..n {
            let mut gap = 0usize;
            let mut shift = 0;
            loop {
                let byte = bytes.byte()?;
                gap |= usize::from(byte & 0x7f) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
                if shift > 28 {
                    return Err(FormatError("bucket gap too long"));
                }
            }
            bucket = bucket.checked_add(gap).ok_or(FormatError("bucket out of range"))?;
            if bucket >= size {
                return Err(FormatError("bucket out of range"));
            }
            buckets.push(bucket);
        }
        let mut weights = vec![0i8; size];
        for bucket in buckets {
            weights[bucket] = bytes.byte()? as i8;
        }
        Ok(Table { bits, bias, scale, weights })
    }
}

/// Two tables over the same features and hash space, read together: the
/// weights of a bucket sit side by side, so that scoring both costs one
/// memory read per feature instead of two (the taggers read about fifty
/// features for every word of a text).
///
/// Their hash space is fixed at 2^[`PAIR_BITS`] buckets, the size the
/// trainer writes: every bucket a hash can pick is then in the table, with
/// no bounds to check, in the engine's busiest loop.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    bias: [f32; 2],
    scale: [f32; 2],
    weights: Box<[[i8; 2]; 1 << PAIR_BITS]>,
}

/// The size of the hash space of paired tables, in bits.
pub const PAIR_BITS: u8 = 16;

impl Pair {
    /// `a` and `b` side by side, if both have 2^[`PAIR_BITS`] buckets.
    pub fn new(a: &Table, b: &Table) -> Result<Pair, FormatError> {
        if a.bits != PAIR_BITS || b.bits != PAIR_BITS {
            return Err(FormatError("paired tables are not of 2^16 buckets"));
        }
        let weights: Vec<[i8; 2]> = a.weights.iter().zip(&b.weights).map(|(&x, &y)| [x, y]).collect();
        let weights = weights.into_boxed_slice().try_into().map_err(|_| FormatError("a table of the wrong size"))?;
        Ok(Pair { bias: [a.bias, b.bias], scale: [a.scale, b.scale], weights })
    }

    /// Sums to add features to one at a time (see [`PairSums`]).
    pub fn sums(&self) -> PairSums<'_> {
        PairSums { pair: self, sum: [0; 2] }
    }
}

/// Both tables' weights for the features put so far, summed.
pub struct PairSums<'p> {
    pair: &'p Pair,
    sum: [i32; 2],
}

impl PairSums<'_> {
    /// The probabilities the two tables give the features put.
    pub fn probabilities(&self) -> [f32; 2] {
        let pair = self.pair;
        [0, 1].map(|k| 1.0 / (1.0 + (-(pair.bias[k] + pair.scale[k] * self.sum[k] as f32)).exp()))
    }
}

impl Sink for PairSums<'_> {
    fn put(&mut self, hash: u32) {
        let [x, y] = self.pair.weights[(hash >> (32 - PAIR_BITS)) as usize];
        self.sum[0] += i32::from(x);
        self.sum[1] += i32::from(y);
    }
}

/// Writes tables as a model file.
pub fn write(tables: &[&Table]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.push(tables.len() as u8);
    for table in tables {
        table.write(&mut out);
    }
    out
}

/// Reads the tables of a model file that must hold `expected` of them.
pub fn read(bytes: &[u8], expected: usize) -> Result<Vec<Table>, FormatError> {
    let mut reader = Reader { bytes, at: 0 };
    if reader.array::<4>()? != *MAGIC {
        return Err(FormatError("not a sourcelight model (SLM1)"));
    }
    let n = reader.byte()?;
    if usize::from(n) != expected {
        return Err(FormatError("not the number of tables expected"));
    }
    let tables = (0..n).map(|_| Table::read(&mut reader)).collect::<Result<Vec<_>, _>>()?;
    if reader.at != bytes.len() {
        return Err(FormatError("bytes after the last table"));
    }
    Ok(tables)
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, FormatError> {
        let b = *self.bytes.get(self.at).ok_or(FormatError("file ends early"))?;
        self.at += 1;
        Ok(b)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], FormatError> {
        let slice = self.bytes.get(self.at..self.at + N).ok_or(FormatError("file ends early"))?;
        self.at += N;
        Ok(slice.try_into().expect("length checked"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_survives_writing_and_reading() {
        let mut weights = vec![0f32; 1 << 10];
        weights[3] = 0.5;
        weights[700] = -1.0;
        weights[1023] = 0.25;
        let table = Table::quantize(10, -2.0, &weights);
        let bytes = write(&[&table, &table]);
        let back = read(&bytes, 2).unwrap();
        assert_eq!(back, vec![table.clone(), table.clone()]);
        assert_eq!(back[0].non_zero(), 3);
        let p = back[0].probability(&[(700 << 22) + 5]);
        assert!((p - 1.0 / (1.0 + 3f32.exp())).abs() < 1e-3, "{p}");
    }

    #[test]
    fn a_pair_scores_as_its_two_tables() {
        let mut weights = vec![0f32; 1 << PAIR_BITS];
        weights[3] = 0.5;
        weights[700] = -1.0;
        let a = Table::quantize(PAIR_BITS, -2.0, &weights);
        weights[3] = -0.75;
        weights[9] = 2.0;
        let b = Table::quantize(PAIR_BITS, 0.5, &weights);
        let pair = Pair::new(&a, &b).unwrap();
        for features in [&[][..], &[3 << 16], &[(700 << 16) + 5, 3 << 16, 9 << 16, 9 << 16]] {
            let mut sums = pair.sums();
            for &h in features {
                sums.put(h);
            }
            assert_eq!(sums.probabilities(), [a.probability(features), b.probability(features)]);
        }
        assert!(Pair::new(&a, &Table::quantize(8, 0.0, &[0.5; 256])).is_err());
    }

    #[test]
    fn broken_files_are_errors_not_panics() {
        let good = write(&[&Table::quantize(8, 0.0, &[0.5; 256])]);
        for cut in 0..good.len() {
            assert!(read(&good[..cut], 1).is_err(), "cut at {cut}");
        }
        assert!(read(&good, 1).is_ok());
        assert!(read(&good, 3).is_err(), "a table count other than the expected one");
        assert!(read(b"SLM2\x00", 0).is_err());
        let mut extra = good.clone();
        extra.push(0);
        assert!(read(&extra, 1).is_err());
    }
}
