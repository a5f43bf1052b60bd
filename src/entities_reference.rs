//! The source-phrase classifier as it read each word's facts from its text (sessions 7 to
//! 12): `classify_tokens`, `analyze_head`, `cap_run_end` and `set_person` before the
//! tokenizer looked every word up once ([`super::Tok`]'s facts). Kept for the tests only,
//! as the reference the fact-reading classifier is held to.

use super::*;

/// [`super::classify`] by the reference reading.
pub(super) fn classify(text: &str, span: Span) -> SourcePhrase<'_> {
    let read = read_span(text, span);
    let mut toks = Vec::new();
    tokenize_into(text, read.start, read.end, &mut toks);
    classify_tokens(text, &toks, 0)
}

/// [`super::name_run_head`] by the reference reading.
pub(super) fn name_run_head(text: &str, read: Span) -> SourcePhrase<'_> {
    let mut toks = Vec::new();
    tokenize_into(text, read.start, read.end, &mut toks);
    analyze_head(text, &toks).phrase
}

fn classify_tokens<'a>(text: &'a str, toks: &[Tok], depth: u8) -> SourcePhrase<'a> {
    let lex = lexicon();
    let word = |t: &Tok| &text[t.start..t.end];
    let Some(first) = toks.iter().position(|t| t.kind == TokKind::Word) else {
        return unknown(text, toks);
    };

    // A pronoun alone, or a possessive determiner before a noun: "he", "His comments".
    if let Some(p) = pronoun(word(&toks[first])) {
        let mut rest = toks[first + 1..].iter().filter(|t| t.kind == TokKind::Word);
        let n_words = 1 + rest.clone().count();
        let rest_lower = rest.all(|t| !is_cap(word(t)));
        if n_words == 1 || rest_lower && n_words <= 4 {
            let mut out = unknown(text, toks);
            out.reference = Reference::Pronoun(p);
            out.name = word(&toks[first]);
            out.mention = Span::new(toks[first].start, toks[first].end);
            (out.kind, out.gender) = pronoun_kind_gender(p);
            return out;
        }
    }

    // A possessive before a noun: "Lavrov’s remarks" → "Lavrov".
    if depth < 2 {
        if let Some(p) = toks.iter().position(|t| t.kind == TokKind::Possessive) {
            let after_lower = toks[p + 1..]
                .iter()
                .take_while(|t| t.kind == TokKind::Word)
                .all(|t| !is_cap(word(t)));
            if p > 0 && after_lower && toks.get(p + 1).is_some_and(|t| t.kind == TokKind::Word) {
                return classify_tokens(text, &toks[..p], depth + 1);
            }
        }
    }

    // `Mayor Ana Ruiz and Councillor Tom Hale`, `She and Dr. Tom Hale`: people coordinated
    // are a group of them, not the last one named (`Procter and Gamble` names no person);
    // an `and` after a comma is an apposition's (`Dee Roe, head of Health and Safety`).
    if depth == 0 {
        if let Some(and) = toks
            .iter()
            .take_while(|t| t.kind != TokKind::Comma)
            .position(|t| t.kind == TokKind::Word && word(t) == "and")
            .filter(|&a| a > first && a + 1 < toks.len())
        {
            let person = |p: &SourcePhrase<'_>| {
                p.kind == SpeakerKind::Person
                    && (matches!(p.reference, Reference::Pronoun(_))
                        || p.first.is_some()
                        || p.title.is_some()
                        || p.honorific)
            };
            if person(&classify_tokens(text, &toks[..and], depth + 1))
                && person(&classify_tokens(text, &toks[and + 1..], depth + 1))
            {
                let mut out = unknown(text, toks);
                out.kind = SpeakerKind::Group;
                out.reference = Reference::Description { definite: false };
                return out;
            }
        }
    }

    // Split off an apposition at the first comma.
    let comma = toks.iter().position(|t| t.kind == TokKind::Comma);
    let (head_toks, appos) = match comma {
        Some(c) => (&toks[..c], Some(&toks[c + 1..])),
        None => (toks, None),
    };

    // A document with its author: "a report by RIA Novosti", "a statement from the ministry".
    if depth < 2 {
        // The first 11 words: a document noun among the first 6, its marker within 4 more.
        let mut hw_buf = [0usize; 11];
        let mut n_hw = 0;
        for (i, t) in head_toks.iter().enumerate() {
            if t.kind == TokKind::Word {
                hw_buf[n_hw] = i;
                n_hw += 1;
                if n_hw == hw_buf.len() {
                    break;
                }
            }
        }
        let hw = &hw_buf[..n_hw];
        // Only a `by`, `from` or `of` after the first word can name an author: look up the
        // document nouns only then.
        let marked = hw.iter().skip(1).any(|&k| {
            let b = word(&head_toks[k]);
            b.eq_ignore_ascii_case("by")
                || b.eq_ignore_ascii_case("from")
                || b.eq_ignore_ascii_case("of")
        });
        for (n, &i) in hw.iter().enumerate().take(if marked { 6 } else { 0 }) {
            if !lex.is_document_noun(word(&head_toks[i])) {
                continue;
            }
            // The author follows the noun (`of`, `by`, `from`) or its participle (`a poll
            // released Monday by Gallup`), within a few words. After a poll or a study `of`
            // names who was asked or studied (`a poll of voters`), not the author.
            let noun = word(&head_toks[i]);
            let of_is_author = !SAMPLED_DOCUMENTS
                .iter()
                .any(|d| noun.eq_ignore_ascii_case(d));
            let marker = hw[n + 1..].iter().take(4).enumerate().find(|&(d, &k)| {
                let b = word(&head_toks[k]);
                b.eq_ignore_ascii_case("by")
                    || b.eq_ignore_ascii_case("from")
                    || d == 0 && of_is_author && b.eq_ignore_ascii_case("of")
            });
            if let Some((_, &by)) = marker {
                let author_starts = by + 1 < head_toks.len();
                if author_starts {
                    let author = classify_tokens(text, &head_toks[by + 1..], depth + 1);
                    // A named author of no known kind (`a report by the Chicago Tribune`)
                    // is still who speaks: the document is the speaker only when no one is
                    // named.
                    let named = author.reference == Reference::Name
                        && author
                            .name
                            .trim_start_matches("the ")
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase);
                    if !matches!(author.kind, SpeakerKind::Unknown | SpeakerKind::Document) {
                        return author;
                    }
                    if author.kind == SpeakerKind::Unknown && named {
                        let mut author = author;
                        if let Some(bare) = author.name.strip_prefix("the ") {
                            author.name = bare;
                        }
                        return author;
                    }
                }
            }
            break;
        }
    }

    // Whether the phrase holds an anonymity marker: read only when it can matter (not for
    // a named person).
    let anonymous = || match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => lex.is_anonymous(&text[a.start..b.end]),
        _ => lex.is_anonymous(""),
    };

    let head = analyze_head(text, head_toks);
    let appos_toks = appos.map(|a| {
        let end = a
            .iter()
            .position(|t| t.kind == TokKind::Comma)
            .unwrap_or(a.len());
        &a[..end]
    });
    // "the head of the ministry, Andrei Belyushikov": the name is in the apposition (read
    // only when the head names no person).
    let named_appos = appos_toks
        .filter(|a| !head.is_named_person() && !a.is_empty())
        .map(|a| analyze_head(text, a))
        .filter(Head::is_named_person);

    let (main, description) = match (head, appos_toks) {
        (_, Some(_)) if named_appos.is_some() => {
            let a = named_appos.unwrap_or_else(|| unreachable!("checked just above"));
            (a, Some(text_of(text, head_toks)))
        }
        (h, Some(a_toks)) => {
            // The apposition up to its closing comma: "Smith, a sculptor, who ..."
            let desc =
                Some(text_of(text, a_toks)).map(|t| t.trim_end_matches([',', '.', ';', ':', ' ']));
            let desc = desc.filter(|d| {
                // A relative clause (`who asked not to be named`) describes no one by itself.
                let relative = ["who ", "which ", "whose ", "that "]
                    .iter()
                    .any(|r| d.starts_with(r));
                !relative
                    && !d.is_empty()
                    && !d.chars().all(|c| c.is_ascii_digit() || c.is_whitespace())
            });
            (h, desc)
        }
        (h, None) => (h, None),
    };
    let mut p = main.phrase;
    p.description = description.or(p.description);
    let anonymous =
        !(p.kind == SpeakerKind::Person && p.reference == Reference::Name) && anonymous();
    if (p.kind == SpeakerKind::Group || anonymous) && !head_toks.is_empty() {
        // Groups and anonymous sources are named by their whole phrase: "farmers in the
        // valley", "a source familiar with the talks".
        p.name = text_of(text, head_toks);
        p.mention = Span::new(head_toks[0].start, head_toks[head_toks.len() - 1].end);
    }
    if anonymous {
        let definite = matches!(p.reference, Reference::Description { definite: true });
        p.kind = SpeakerKind::Anonymous;
        p.reference = Reference::Description { definite };
    }
    if p.mention.is_empty() && p.name.is_empty() {
        return unknown(text, toks);
    }
    p
}

struct Head<'a> {
    phrase: SourcePhrase<'a>,
}

impl Head<'_> {
    fn is_named_person(&self) -> bool {
        self.phrase.kind == SpeakerKind::Person && self.phrase.reference == Reference::Name
    }
}

/// Read the head of a noun phrase (no comma inside).
fn analyze_head<'a>(text: &'a str, toks: &[Tok]) -> Head<'a> {
    let lex = lexicon();
    let word = |i: usize| &text[toks[i].start..toks[i].end];
    // Words up to the first break, cut word or lowercase "of" (at most 12, on the stack).
    let mut ws_buf = [0usize; 12];
    // The text of each of those words, sliced once.
    let mut wt_buf = [""; 12];
    let mut n = 0;
    for i in 0..toks.len() {
        let t = toks[i];
        if t.kind != TokKind::Word {
            if t.kind == TokKind::Possessive {
                continue;
            }
            break;
        }
        let w = word(i);
        if n > 0 && is_cut_word(w) {
            break;
        }
        if w == "of" {
            let prev_cap = n > 0 && is_cap(wt_buf[n - 1]);
            let next_cap = toks
                .get(i + 1)
                .is_some_and(|n| n.kind == TokKind::Word && is_cap(&text[n.start..n.end]));
            if !(prev_cap && next_cap) {
                break;
            }
        }
        ws_buf[n] = i;
        wt_buf[n] = w;
        n += 1;
        if n >= 12 {
            break;
        }
    }
    let ws = &ws_buf[..n];
    let wt = &wt_buf[..n];
    if ws.is_empty() {
        return Head {
            phrase: unknown(text, toks),
        };
    }
    let span_of = |a: usize, b: usize| Span::new(toks[a].start, toks[b].end);
    let whole = span_of(ws[0], ws[n - 1]);
    let mut out = unknown_at(text, whole);

    // Determiners.
    let mut d = 0;
    while d < ws.len() && is_determiner(wt[d]) {
        d += 1;
    }
    let definite = d > 0 && is_definite(wt[d - 1]);
    if d == ws.len() {
        // "some", "others", "many": a group alone.
        if lex.is_group_noun(wt[d - 1]) {
            out.kind = SpeakerKind::Group;
            out.reference = Reference::Description { definite: false };
        }
        return Head { phrase: out };
    }
    let body = &ws[d..];
    let body_words = &wt[d..];
    let bw = |k: usize| body_words[k];
    let last = body.len() - 1;
    // The lexicons' word for every body word, looked up once.
    let mut info = [WordInfo::default(); 12];
    for (k, w) in body_words.iter().enumerate() {
        info[k] = lex.word_info(w);
    }

    // An honorific before a name: "Mr. Smith", "Sen. Ted Cruz".
    for k in 0..last {
        if let Some(g) = info[k].honorific {
            if is_cap(bw(k + 1)) {
                let end = cap_run_end(body, k + 1, &bw);
                set_person(
                    &mut out,
                    text,
                    toks,
                    &body[k + 1..=end],
                    g,
                    info[k + 1].first_name,
                );
                out.honorific = true;
                let plain = with_lower(bw(k).trim_end_matches('.'), |h| {
                    ["mr", "mrs", "ms", "miss", "mx"].contains(&h)
                });
                if !plain {
                    out.title = Some(&text[toks[body[0]].start..toks[body[k]].end]);
                }
                return Head { phrase: out };
            }
        }
    }

    // A title (a capitalised role noun) before a name: "Foreign Minister Sergey Lavrov".
    let mut title_end = None;
    let mut k = 0;
    while k < last {
        if info[k].person_noun.is_some() && (k > 0 || d > 0 || is_cap(bw(k))) {
            let mut e = k;
            // "Secretary of State John Kerry"
            if bw(e + 1) == "of" && e + 3 <= last && is_cap(bw(e + 2)) {
                e += 2;
            }
            if e < last
                && is_cap(bw(e + 1))
                && info[e + 1].person_noun.is_none()
                && info[e + 1].org_head.is_none()
            {
                title_end = Some(e);
            }
        }
        k += 1;
    }
    if let Some(e) = title_end {
        // The name starts at the first known first name after the title, else right after it.
        let mut s = e + 1;
        if let Some(f) = (e + 1..=last).find(|&j| info[j].first_name.is_some() && j < last) {
            s = f;
        }
        let end = cap_run_end(body, s, &bw);
        let g = info[e].person_noun.unwrap_or_default();
        set_person(&mut out, text, toks, &body[s..=end], g, info[s].first_name);
        out.title = Some(&text[toks[body[0]].start..toks[body[s - 1]].end]);
        return Head { phrase: out };
    }

    // A known first name before a capitalised word: "Alexei Chebanenko".
    for k in 0..last {
        if is_cap(bw(k))
            && (is_cap(bw(k + 1)) || is_particle(bw(k + 1)) && cap_run_end(body, k, &bw) > k)
            && info[k].first_name.is_some()
            && info[k + 1].org_head.is_none()
        {
            let end = cap_run_end(body, k, &bw);
            set_person(
                &mut out,
                text,
                toks,
                &body[k..=end],
                Gender::Unknown,
                info[k].first_name,
            );
            if k > 0 {
                out.title = Some(&text[toks[body[0]].start..toks[body[k - 1]].end]);
            }
            return Head { phrase: out };
        }
    }

    let body_span = span_of(body[0], body[last]);
    let body_text = body_span.as_str(text);
    let all_cap = body_words
        .iter()
        .all(|&w| is_cap(w) || w == "of" || w == "and" || w == "for" || w == "the" || w == "&");

    // Known outlets and organisations (a one-word name from its word's facts).
    let one_word =
        (body.len() == 1 && strip_the(body_text).len() == body_text.len()).then_some(&info[0]);
    if let Some(kind) = lex.name_kind_with(body_text, one_word) {
        return Head {
            phrase: named(out, body_text, body_span, kind),
        };
    }

    // The head noun: the last word before "of", else the last word.
    let head_k = (0..=last)
        .find(|&k| bw(k) == "of")
        .map_or(last, |k| k.saturating_sub(1));
    let head_word = bw(head_k);
    let head_lower = || -> Cow<'a, str> {
        if head_word
            .bytes()
            .any(|b| b.is_ascii_uppercase() || b >= 0x80)
        {
            Cow::Owned(head_word.to_lowercase())
        } else {
            Cow::Borrowed(head_word)
        }
    };
    let suffix = body_words.iter().any(|&w| {
        ascii_lower_is(w, 5, |w| {
            matches!(
                w,
                "inc" | "inc." | "corp" | "corp." | "llc" | "ltd" | "ltd." | "plc" | "co."
            )
        })
    });
    if let Some(kind) = info[head_k]
        .org_head
        .or(suffix.then_some(SpeakerKind::Organization))
    {
        if all_cap && (body.len() > 1 || !definite && d == 0 || suffix) {
            return Head {
                phrase: named(out, body_text, body_span, kind),
            };
        }
        // "the nonpartisan Congressional Budget Office": a capitalised name inside.
        if is_cap(head_word) {
            let mut a = head_k;
            while a > 0 && is_cap(bw(a - 1)) {
                a -= 1;
            }
            let mut b = head_k;
            while b + 2 <= last && bw(b + 1) == "of" && is_cap(bw(b + 2)) {
                b += 2;
                while b < last && is_cap(bw(b + 1)) {
                    b += 1;
                }
            }
            if b > a {
                let span = span_of(body[a], body[b]);
                return Head {
                    phrase: named(out, span.as_str(text), span, kind),
                };
            }
        }
        out.kind = kind;
        out.reference = Reference::Description { definite };
        out.head = Some(head_lower());
        return Head { phrase: out };
    }
    // "The Times", "the Post": an outlet's short form.
    if definite
        && body.len() == 1
        && is_cap(head_word)
        && lex.is_outlet(&format!("The {head_word}"))
    {
        return Head {
            phrase: named(out, body_text, body_span, SpeakerKind::Media),
        };
    }
    if info[head_k].group_noun || body_words.contains(&"and") && info[last].group_noun {
        out.kind = SpeakerKind::Group;
        out.reference = Reference::Description { definite };
        out.head = Some(head_lower());
        return Head { phrase: out };
    }
    if let Some(g) = info[head_k].person_noun {
        out.kind = SpeakerKind::Person;
        out.reference = Reference::Description { definite };
        out.head = Some(head_lower());
        out.gender = g;
        return Head { phrase: out };
    }
    if info[head_k].document_noun {
        out.kind = SpeakerKind::Document;
        out.reference = Reference::Description { definite };
        out.head = Some(head_lower());
        return Head { phrase: out };
    }
    if definite && !is_cap(head_word) {
        // "the glassblower": a description whose noun the lexicons do not know.
        out.reference = Reference::Description { definite };
        out.head = Some(head_lower());
        return Head { phrase: out };
    }
    if all_cap && d == 0 {
        if body.len() == 1 && is_all_caps(head_word) && head_word.chars().count() >= 2 {
            return Head {
                phrase: named(out, body_text, body_span, SpeakerKind::Organization),
            };
        }
        if body.len() <= 4 && !body_words.iter().any(|&w| w == "of" || w == "and") {
            set_person(
                &mut out,
                text,
                toks,
                body,
                Gender::Unknown,
                info[0].first_name,
            );
            return Head { phrase: out };
        }
        return Head {
            phrase: named(out, body_text, body_span, SpeakerKind::Unknown),
        };
    }
    Head { phrase: out }
}

fn cap_run_end<'a>(body: &[usize], from: usize, bw: &impl Fn(usize) -> &'a str) -> usize {
    let mut end = from;
    let mut words = 1;
    while words < MAX_NAME_WORDS {
        // Step over particles to a capitalised word.
        let mut next = end + 1;
        while next < body.len() && is_particle(bw(next)) {
            next += 1;
        }
        if next < body.len() && is_cap(bw(next)) && !is_name_stop(bw(next)) {
            end = next;
            words += 1;
        } else {
            break;
        }
    }
    end
}

/// Make `out` the person named by the words `name` (token indices); `first_name` is what
/// the first-name lists say of the first of them (its [`WordInfo::first_name`], which the
/// caller has looked up already).
fn set_person<'a>(
    out: &mut SourcePhrase<'a>,
    text: &'a str,
    toks: &[Tok],
    name: &[usize],
    gender: Gender,
    first_name: Option<Gender>,
) {
    let span = Span::new(toks[name[0]].start, toks[name[name.len() - 1]].end);
    let word = |i: usize| &text[toks[i].start..toks[i].end];
    out.kind = SpeakerKind::Person;
    out.reference = Reference::Name;
    out.name = span.as_str(text);
    out.mention = span;
    // Drop generational suffixes for the surname: "Jr.", "III".
    let mut last_i = name.len() - 1;
    while last_i > 0 {
        let w = word(name[last_i]).trim_end_matches('.');
        // A suffix is at most 3 bytes, and only an ASCII word lowercases to one.
        if w.len() <= 3 && with_lower(w, |w| matches!(w, "jr" | "sr" | "ii" | "iii" | "iv")) {
            last_i -= 1;
        } else {
            break;
        }
    }
    out.last = Some(word(name[last_i]));
    out.first = (last_i > 0).then(|| word(name[0]));
    out.gender = if gender != Gender::Unknown {
        gender
    } else {
        out.first.and(first_name).unwrap_or_default()
    };
}
