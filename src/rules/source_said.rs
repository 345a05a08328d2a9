//! SOURCE [auxiliaries, adverbs] VERB [that] CONTENT, and its inverted
//! form CONTENT, SOURCE VERB.
//!
//! "Ukrainian President Volodymyr Zelensky has gravely warned that ...",
//! "Ukrainian intelligence officials claim the Russian military ...",
//! "“They are preparing ...,” Zelensky said after meeting ...".
//! The verb must agree with its auxiliaries (perfect, progressive or modal;
//! passives are left to the hearsay rule), and verbs that say little alone
//! ("show", "think", "called") need "that", a colon or a quotation.

use super::clause::{content_after, content_before, opens_quote, reporting_verb, verb_group, VerbGroup};
use super::{Candidate, Rule};
use crate::lexicon::{Class, Verb};
use crate::source::mention::{self, Form, Mention, RECORDS, STUDIES};
use crate::text::{Document, QuoteSide, TokenKind};

/// The rule.
pub struct SourceSaid;

impl Rule for SourceSaid {
    fn name(&self) -> &'static str {
        "source-said"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        for i in doc.verbs_from(0) {
            let Some(verb) = reporting_verb(doc, i) else { continue };
            let sentence = doc.sentence_around(i);
            let group = verb_group(doc, i, sentence.start);
            if !form_fits(verb, &group) {
                continue;
            }
            // "A study by two universities found", "Experts on North Korea
            // said": the whole phrase
            let finding = FINDING.contains(&verb.base);
            let Some(source) = mention::subject_with_tail_before(doc, group.cue.start, sentence.start, finding)
                .or_else(|| mention::before(doc, group.cue.start, sentence.start))
                .or_else(|| {
                    // plain verbs of speech only: "Editor's note", "No clear
                    // path points to" are no clauses
                    let plain = !verb.says_little() && !doc.title_case(i);
                    plain.then(|| mention::opening_phrase(doc, group.cue.start, sentence.start)).flatten()
                })
                .or_else(|| {
                    // "while nine in 10 said ...": a share of those polled
                    let last = group.cue.start.checked_sub(1)?;
                    let start = mention::share_ending_at(doc, last, sentence.start)?;
                    let after_preposition = start > sentence.start && doc.class(start - 1, Class::Preposition);
                    (!after_preposition).then_some(Mention { tokens: start..group.cue.start, form: Form::Phrase })
                })
            else {
                continue;
            };
            if group.hypothetical
                || !agrees(doc, verb, &group, &source)
                || !speaks_for_others(doc, &source)
                || as_they_say(doc, &source, i)
            {
                continue;
            }
            // "he had intelligence reports that": after an auxiliary the
            // phrase is an object, and the verb a noun
            let start = source.tokens.start;
            if start > sentence.start && doc.class(start - 1, Class::Aux) {
                continue;
            }
            // "the people asked said no": a participle in the subject of the
            // verb after it
            if doc.is(i + 1, &["said", "say", "says", "told"]) {
                continue;
            }
            let next = after_verb(doc, verb, i);
            let signal = content_signal(doc, next, sentence.end);
            // "CONTENT, SOURCE said [after ...]": the content comes first
            // when a quotation or clause ends right before the source and
            // only an adjunct follows the verb
            // what comes before "X, which maintains ..." is not its content
            let content_first =
                source.form != Form::Relative && preceded_by_content(doc, source.tokens.start, sentence.start);
            // "..., he said of himself": what follows is about whom
            let inverted =
                signal.is_none() && content_first && (nothing_but_adjunct(doc, next) || doc.is(next, &["of"]));
            let split = content_first && doc.is(next, &[","]) && opens_quote(doc, next + 1);
            let content = if split {
                let mut parts = content_before(doc, source.tokens.start);
                parts.extend(split_quote_rest(doc, next));
                parts
            } else if inverted {
                content_before(doc, source.tokens.start)
            } else {
                content_after(doc, signal.unwrap_or(next))
            };
            let quoted = content.iter().any(|r| r.start > 0 && opens_quote(doc, r.start - 1));
            if !accepted(doc, verb, signal.is_some(), quoted, inverted || split, next)
                && !study_finds(doc, verb, &source, i)
            {
                continue;
            }
            // "“Come here!” he called." is a call with words
            if !(quoted && (inverted || split)) && names_or_telephones(doc, verb, i, &source, sentence.end) {
                continue;
            }
            // a belief inside someone's words is part of what they said:
            // "Weaver told CNN that he believes ...", "“They think ...”"
            if verb.has("belief") && (doc.quote_around(i).is_some() || reported_clause(doc, source.tokens.start)) {
                continue;
            }
            if content.is_empty() && !ends_sentence(doc, next) {
                continue;
            }
            let mut c =
                Candidate::attribution(self.name(), group.cue.start..i + 1 + particle(doc, verb, i), source, content);
            c.loaded = verb.judgement();
            out.push(c);
        }
    }
}

/// "called" that reports nothing said: a name given to what the phrase
/// before it stands for ("a group called Citizens for Trump", "a company
/// called Harmony Enterprises gave ..."), or a telephone call ("Eric Trump
/// called.", "she called Sanders to congratulate him"). Not "called Trump a
/// liar", "called it “a hoax”", "called for", "called on".
fn names_or_telephones(doc: &Document, verb: &Verb, i: usize, source: &Mention, sentence_end: usize) -> bool {
    if verb.base != "call" || particle(doc, verb, i) > 0 {
        return false;
    }
    let ends = |k: usize| k >= sentence_end || doc.is(k, &[".", "!", "?"]);
    let next = i + 1;
    if ends(next) {
        return true;
    }
    // the one called: a pronoun or a name
    let mut after = next;
    if doc.class(next, Class::Object) {
        after += 1;
    } else {
        while after < sentence_end && doc.is_word(after) && doc.capitalized(after) {
            after += 1;
        }
    }
    // "called Trump a liar", "called Merkel “The Chancellor ...”"
    let says_what = after < sentence_end && (doc.class(after, Class::Determiner) || opens_quote(doc, after));
    let indefinite = doc.is(source.tokens.start, &["a", "an"]) && source.tokens.end == i;
    if indefinite && (opens_quote(doc, next) || after > next && !says_what) {
        return true;
    }
    after > next && (ends(after) || doc.is(after, &["to"]) && !ends(after + 1) && !doc.capitalized(after + 1))
}

/// The verb's form fits its auxiliaries: "has warned", "is claiming",
/// "will say", or a bare "said"/"says"/"say". Passives ("was told") and
/// bare participles ("claiming") are for other rules.
fn form_fits(verb: &Verb, g: &VerbGroup) -> bool {
    if g.be {
        return verb.is(Verb::GERUND);
    }
    if g.perfect {
        return verb.is(Verb::PARTICIPLE);
    }
    if g.modal {
        return verb.is(Verb::BASE);
    }
    verb.is(Verb::PAST | Verb::THIRD | Verb::BASE)
}

/// The text reports someone else's words: not "I think", "you know", "we
/// agree" (the speaker's own words, mostly inside quotations), and not a
/// "that" which may as well join two clauses.
fn speaks_for_others(doc: &Document, source: &Mention) -> bool {
    let first = source.tokens.start;
    let single = source.tokens.len() == 1;
    !(single && (doc.class(first, Class::Speaker) || (source.form == Form::Relative && doc.norm(first) == "that")))
}

/// "as they say", "as people say": a saying, not a report.
fn as_they_say(doc: &Document, source: &Mention, verb: usize) -> bool {
    let first = source.tokens.start;
    source.tokens.len() == 1
        && first > 0
        && doc.is(first - 1, &["as"])
        && doc.is(first, &["they", "people", "some"])
        && doc.is(verb, &["say"])
}

/// Subject and verb agree: "they says" and "he say" are not clauses.
fn agrees(doc: &Document, verb: &Verb, g: &VerbGroup, source: &Mention) -> bool {
    if g.be || g.perfect || g.modal || verb.is(Verb::PAST) {
        return true;
    }
    let head_at = mention::head(doc, source);
    let head = doc.norm(head_at);
    let plural_pronoun = matches!(head, "they" | "we" | "i" | "you");
    if verb.is(Verb::THIRD) && !verb.is(Verb::BASE) {
        return !plural_pronoun;
    }
    // base form: a plural subject ("officials say", "people close to
    // Clinton say", "Carson and Huckabee say")
    const PLURALS: &[&str] =
        &["people", "police", "men", "women", "children", "staff", "personnel", "folks", "media", "data"];
    match source.form {
        Form::Pronoun => plural_pronoun,
        Form::Relative => true,
        Form::Phrase => {
            head.ends_with('s')
                || PLURALS.contains(&head)
                || doc.class(head_at, Class::Determiner)
                || doc.is(source.tokens.start, &["those", "these"])
                || source.tokens.clone().any(|k| doc.is(k, &["and"]))
                || mention::share_ending_at(doc, head_at, source.tokens.start).is_some()
        }
    }
}

/// Whether the verb, with what surrounds it, reports a claim. Verbs of
/// speech ("said", "told") always do. The others need more: a quotation
/// for manner verbs ("continued", "joked"); "that", a colon or a clause for
/// beliefs ("thinks he will win"); for weak verbs and promises, "that", a
/// colon, a quotation, "to", or an object ("called it a hoax", "proposed a
/// tax"); disputes are left to the disputes rule unless marked; a verb that
/// is also a noun ("claims", "reports") needs a clause after it.
fn accepted(doc: &Document, verb: &Verb, marked: bool, quoted: bool, inverted: bool, next: usize) -> bool {
    if verb.has("quote") {
        return quoted;
    }
    if verb.has("marked") {
        return marked || quoted;
    }
    if verb.has("belief") {
        return marked || !inverted && opens_clause(doc, next);
    }
    if verb.has("dispute") {
        return marked || quoted;
    }
    if verb.has("weak") || verb.has("intent") || verb.has("stance") {
        return marked || quoted || inverted && !verb.has("intent") || doc.is(next, &["to"]) || opens_clause(doc, next);
    }
    // only the forms that are also nouns: "claims", "reports", not "reported"
    if verb.has("noun") && verb.is(Verb::BASE | Verb::THIRD) && !verb.is(Verb::PAST) {
        return marked || quoted || inverted || opens_clause(doc, next) && clause_follows(doc, next);
    }
    true
}

/// Verbs of what a study or a record finds: with one as subject they
/// report a claim ("the data suggest", "a review of records indicates").
const FINDING: &[&str] = &[
    "show", "find", "indicate", "suggest", "conclude", "reveal", "estimate", "confirm", "note", "say", "report",
    "state",
];

/// A poll or a study shows or finds what follows, with or without "that":
/// "A Monmouth poll showed Clinton ahead", "Polls show Trump leading",
/// "The inquiry found nothing".
fn study_finds(doc: &Document, verb: &Verb, source: &Mention, i: usize) -> bool {
    // "the jobs report, which showed ...": the study the relative stands for
    let source = match source.form {
        Form::Relative => &mention::antecedent(doc, source.tokens.start).unwrap_or_else(|| source.clone()),
        _ => source,
    };
    let head = mention::head(doc, source);
    matches!(verb.base, "show" | "find")
        && (doc.is(head, STUDIES) || doc.is(head, RECORDS))
        && !doc.is(i + 1, &["up", "out", "off"])
}

/// True when a clause starts at token `i`: a pronoun subject, or a phrase
/// followed by a verb before the next punctuation ("claim the army is
/// working", not "claim a greater number of states").
fn clause_follows(doc: &Document, i: usize) -> bool {
    if doc.class(i, Class::Pronoun) || doc.is(i, &["there"]) {
        return true;
    }
    (i + 1..(i + 10).min(doc.len()))
        .take_while(|&k| {
            doc.is_word(k) || doc.token(k).kind == TokenKind::Number || doc.token(k).kind == TokenKind::Possessive
        })
        .any(|k| {
            doc.class(k, Class::Aux)
                || doc.verb(k).is_some_and(|v| !v.has("noun"))
                || doc.norm(k).ends_with("ed") && !doc.capitalized(k)
        })
}

/// True when token `i` can open a clause: "claim the army ...", "claims he
/// ...". A verb that is also a noun ("claims", "reports") is only taken as
/// a verb before one.
fn opens_clause(doc: &Document, i: usize) -> bool {
    if i >= doc.len() {
        return false; // the text ends: "Officials believe"
    }
    let w = doc.norm(i);
    doc.class(i, Class::Determiner)
        || doc.class(i, Class::Pronoun)
        || matches!(w, "there" | "that")
        || doc.capitalized(i)
        || doc.token(i).kind == TokenKind::Number
}

/// Particles that belong to the cue: "pointed out", "called for".
fn particle(doc: &Document, verb: &Verb, i: usize) -> usize {
    let w = doc.norm(i + 1);
    match verb.base {
        "point" if w == "out" => 1,
        "call" if matches!(w, "for" | "on") => 1,
        "rail" if w == "against" => 1,
        _ => 0,
    }
}

/// The token after the verb and its particle, past an object for verbs that
/// take the hearer ("told reporters that", "warned allies that").
fn after_verb(doc: &Document, verb: &Verb, i: usize) -> usize {
    let next = i + 1 + particle(doc, verb, i);
    if verb.has("object") && next < doc.len() {
        let sentence_end = doc.sentence_around(i).end;
        if doc.class(next, Class::Object) {
            return next + 1;
        }
        if let Some(m) = mention::after(doc, next, sentence_end) {
            let after = m.tokens.end;
            if doc.is(after, &["that", ":", ","]) || opens_quote(doc, after) || nothing_but_adjunct(doc, after) {
                return after;
            }
        }
    }
    next
}

/// Where the content starts when something marks it: "that", a colon, or
/// an opening quotation mark, right after the verb or after a short
/// adjunct ("said in a statement that", "said on Tuesday:").
fn content_signal(doc: &Document, from: usize, sentence_end: usize) -> Option<usize> {
    let limit = (from + 10).min(sentence_end);
    let mut j = from;
    while j < limit.max(from + 1).min(doc.len()) {
        let w = doc.norm(j);
        if w == "that" && j < sentence_end {
            return Some(j);
        }
        if w == ":" {
            return Some(j + 1);
        }
        if opens_quote(doc, j)
            || (j == from && w == "," && opens_quote(doc, j + 1) && !doc.token(j + 1).line_break_before)
        {
            return Some(if w == "," { j + 1 } else { j });
        }
        if j == from && w == "," {
            return None; // "said, ..." without a quotation: not marked
        }
        // adjuncts: prepositions, articles, names, times, numbers
        let adjunct = doc.class(j, Class::Preposition)
            || mention::abbreviation_dot(doc, j)
            || doc.class(j, Class::Determiner)
            || doc.class(j, Class::Time)
            || doc.capitalized(j)
            || doc.token(j).kind == TokenKind::Number
            || matches!(
                w,
                "interview"
                    | "statement"
                    | "conference"
                    | "press"
                    | "news"
                    | "release"
                    | "speech"
                    | "rally"
                    | "hearing"
                    | "email"
                    | "letter"
                    | "post"
                    | "tweet"
                    | "video"
                    | "week"
                    | "month"
                    | "year"
                    | "night"
                    | "morning"
                    | "evening"
                    | "afternoon"
                    | "day"
                    | "last"
                    | "next"
                    | "recent"
                    | "separate"
                    | "written"
                    | "televised"
                    | "phone"
                    | "telephone"
                    | "radio"
                    | "television"
                    | "podcast"
                    | "briefing"
                    | "reporters"
                    | "journalists"
            );
        if !adjunct {
            return None;
        }
        j += 1;
    }
    None
}

/// True when the clause whose subject starts at `start` is itself what
/// someone said: it follows "that" or a reporting verb ("said he believes").
fn reported_clause(doc: &Document, start: usize) -> bool {
    start > 0 && (doc.is(start - 1, &["that"]) || doc.verb(start - 1).is_some())
}

/// True when what follows the verb at `i` adds no content: the sentence
/// ends, a comma comes, or an adjunct says when, where or how ("after
/// meeting ministers", "on Tuesday", "in a statement").
fn nothing_but_adjunct(doc: &Document, i: usize) -> bool {
    ends_sentence(doc, i)
        || doc
            .any_class(i, Class::Preposition.bit() | Class::Time.bit() | Class::Adverb.bit() | Class::Conjunction.bit())
        || doc.norm(i).ends_with("ly") && !doc.capitalized(i)
        || matches!(doc.norm(i), "—" | "–" | "(" | ";")
}

/// True when the clause's source follows content in the same sentence: a
/// comma or a closing quotation mark comes right before it, or the sentence
/// opens with it right after a quotation.
fn preceded_by_content(doc: &Document, source_start: usize, sentence_start: usize) -> bool {
    if source_start == 0 {
        return false;
    }
    let prev = source_start - 1;
    let closing = doc.quote_closed_at(prev).is_some();
    if source_start > sentence_start {
        return closing || matches!(doc.norm(prev), "," | "—" | "–");
    }
    closing && !doc.token(source_start).line_break_before
}

/// After an inverted "“...,” she said," the quotation may go on: the rest
/// of a quotation split by its attribution.
fn split_quote_rest(doc: &Document, next: usize) -> Vec<std::ops::Range<usize>> {
    if doc.is(next, &[","]) && opens_quote(doc, next + 1) {
        return super::clause::quotation_from(doc, next + 1);
    }
    Vec::new()
}

fn ends_sentence(doc: &Document, i: usize) -> bool {
    i >= doc.len()
        || doc.token(i).line_break_before
        || matches!(doc.norm(i), "." | "!" | "?" | ",")
        || matches!(doc.token(i).kind, TokenKind::Quote(QuoteSide::Close))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_finds, assert_none};

    #[test]
    fn subject_verb_that() {
        assert_finds(
            &SourceSaid,
            "Ukrainian President Volodymyr Zelensky has gravely warned that the inclusion was “the first step to a world war”, claiming that Iran helped.",
            &["has gravely warned | Ukrainian President Volodymyr Zelensky | that the inclusion was “the first step to a world war”, claiming that Iran helped"],
        );
        assert_finds(
            &SourceSaid,
            "Ukrainian intelligence officials claim the army is working.",
            &["claim | Ukrainian intelligence officials | the army is working"],
        );
        assert_finds(&SourceSaid, "He told reporters on Tuesday that it was over.", &["told | He | that it was over"]);
    }

    #[test]
    fn unnamed_sources_with_attached_phrases() {
        assert_finds(
            &SourceSaid,
            "The risk is real, people close to Clinton say.",
            &["say | people close to Clinton | The risk is real"],
        );
        assert_finds(
            &SourceSaid,
            "People familiar with her thinking say she now accepts it.",
            &["say | People familiar with her thinking | she now accepts it"],
        );
        assert_finds(
            &SourceSaid,
            "Jeb Bush and Chris Christie say the senator is not ready.",
            &["say | Jeb Bush and Chris Christie | the senator is not ready"],
        );
    }

    #[test]
    fn a_relative_clause_takes_no_content_before_it() {
        assert_finds(
            &SourceSaid,
            "“It is safe,” said Ian Michaels, a director at Con Edison, which maintains 90,000 miles of cable.",
            &[],
        );
    }

    #[test]
    fn a_claim_inside_a_quotation_ends_with_it() {
        assert_finds(
            &SourceSaid,
            "“Officials say it is over,” the mayor said.",
            &["say | Officials | it is over", "said | the mayor | Officials say it is over"],
        );
    }

    #[test]
    fn polls_and_studies_show_without_that() {
        assert_finds(
            &SourceSaid,
            "A new Monmouth poll showed Clinton ahead by 10 points.",
            &["showed | A new Monmouth poll | Clinton ahead by 10 points"],
        );
        assert_finds(&SourceSaid, "The inquiry found nothing unusual.", &["found | The inquiry | nothing unusual"]);
        assert_finds(&SourceSaid, "The data show growth.", &["show | The data | growth"]);
    }

    #[test]
    fn a_study_or_people_with_a_phrase_after_the_head_are_the_source() {
        assert_finds(
            &SourceSaid,
            "A 2014 study by Harvard and the University of California at Berkeley found that rents rose.",
            &["found | A 2014 study by Harvard and the University of California at Berkeley | that rents rose"],
        );
        assert_finds(
            &SourceSaid,
            "New numbers released Tuesday by the state Division of Elections show turnout rose.",
            &["show | New numbers released Tuesday by the state Division of Elections | turnout rose"],
        );
        assert_finds(
            &SourceSaid,
            "A Monmouth poll out Monday showed Clinton ahead.",
            &["showed | A Monmouth poll out Monday | Clinton ahead"],
        );
        assert_finds(
            &SourceSaid,
            "The gap is wide. A poll published on Sunday showed him trailing.",
            &["showed | A poll published on Sunday | him trailing"],
        );
        assert_finds(
            &SourceSaid,
            "Experts on North Korea and nuclear nonproliferation said the test could change that.",
            &["said | Experts on North Korea and nuclear nonproliferation | the test could change that"],
        );
        assert_finds(
            &SourceSaid,
            "Political observers in Virginia and around the country say Scott deserves it.",
            &["say | Political observers in Virginia and around the country | Scott deserves it"],
        );
        // a study that is the object of a preposition is no subject; a
        // clause in the phrase ends it
        assert_none(&SourceSaid, "In a poll by Gallup showed Clinton ahead.");
        assert_none(&SourceSaid, "The poll that we ran shows Clinton ahead.");
    }

    #[test]
    fn a_share_of_those_polled_says() {
        assert_finds(&SourceSaid, "Nearly a third say they don't know.", &["say | Nearly a third | they don't know"]);
        assert_finds(
            &SourceSaid,
            "Those polled say the economy matters.",
            &["say | Those polled | the economy matters"],
        );
        assert_finds(
            &SourceSaid,
            "More than half said the economy matters most.",
            &["said | More than half | the economy matters most"],
        );
        assert_finds(&SourceSaid, "Nine in 10 said they would vote.", &["said | Nine in 10 | they would vote"]);
    }

    #[test]
    fn quotation_then_source() {
        assert_finds(
            &SourceSaid,
            "“They are preparing on their land, 10,000 soldiers,” Zelensky said after meeting NATO defence ministers.",
            &["said | Zelensky | They are preparing on their land, 10,000 soldiers"],
        );
        assert_finds(&SourceSaid, "“It is over,” she said, “and we won.”", &["said | she | It is over … and we won"]);
    }

    #[test]
    fn several_sentences_of_quotation() {
        assert_finds(&SourceSaid, "“We fight. We win,” he said.", &["said | he | We fight. We win"]);
    }

    #[test]
    fn source_said_colon_and_quotation_on_the_next_line() {
        assert_finds(&SourceSaid, "He said:\n\"We have a situation.\"", &["said | He | We have a situation"]);
    }

    #[test]
    fn how_or_when_the_subject_spoke_is_no_part_of_it() {
        assert_finds(
            &SourceSaid,
            "The senator in a statement said he would go.",
            &["said | The senator | he would go"],
        );
        assert_finds(&SourceSaid, "Clinton on Tuesday night said she would win.", &["said | Clinton | she would win"]);
        // where someone is, or which one, is
        assert_finds(
            &SourceSaid,
            "Officials at the rally said it was over.",
            &["said | Officials at the rally | it was over"],
        );
        assert_finds(
            &SourceSaid,
            "The man in the video said it was over.",
            &["said | The man in the video | it was over"],
        );
    }

    #[test]
    fn a_clause_in_an_aside_ends_with_the_aside() {
        assert_finds(
            &SourceSaid,
            "The guide—which says the cards are old—sold well.",
            &["says | which | the cards are old"],
        );
        assert_finds(
            &SourceSaid,
            "They left—and Carl Bialik said that polls were wrong—but stayed.",
            &["said | Carl Bialik | that polls were wrong"],
        );
        // after a single dash the clause goes on to its end
        assert_finds(
            &SourceSaid,
            "Pollsters agree - Carl Bialik said that polls were wrong, and left.",
            &["said | Carl Bialik | that polls were wrong, and left"],
        );
    }

    #[test]
    fn clause_then_source() {
        assert_finds(
            &SourceSaid,
            "The war will end soon, the minister said.",
            &["said | the minister | The war will end soon"],
        );
    }

    #[test]
    fn passives_bare_participles_and_nouns_are_not_this_rule() {
        assert_none(&SourceSaid, "He was told to leave.");
        assert_none(&SourceSaid, "The claims were false.");
        assert_none(&SourceSaid, "Trump's claims about Chicago.");
        assert_none(&SourceSaid, "The company shows growth.");
        assert_none(&SourceSaid, "The report showed up late.");
        assert_none(&SourceSaid, "So, as they say in the business, stay tuned.");
        assert_none(&SourceSaid, "They says nothing.");
    }

    #[test]
    fn a_name_given_or_a_telephone_call_is_no_claim() {
        for text in [
            "A company called Harmony Enterprises gave $5,000 to the PAC.",
            "A German news organization called “The Local” cited a poll.",
            "Then, last week, Eric Trump called.",
            "She called Sanders to congratulate him.",
            "Mr. Obama called Naghmeh Abedini.",
        ] {
            assert_finds(&SourceSaid, text, &[]);
        }
        assert_finds(&SourceSaid, "Cruz called Trump a liar.", &["called | Cruz | Trump a liar"]);
        assert_finds(&SourceSaid, "“Come here!” he called.", &["called | he | Come here"]);
        assert_finds(&SourceSaid, "A reporter called it “absolute chaos.”", &["called | A reporter | absolute chaos"]);
        assert_finds(
            &SourceSaid,
            "They called him a political opportunist.",
            &["called | They | a political opportunist"],
        );
    }

    #[test]
    fn weak_verbs_need_that() {
        assert_finds(&SourceSaid, "The poll shows that Trump leads.", &["shows | The poll | that Trump leads"]);
        assert_finds(
            &SourceSaid,
            "Politifact then pointed out that one shooting may have more victims.",
            &["then pointed out | Politifact | that one shooting may have more victims"],
        );
    }
}
