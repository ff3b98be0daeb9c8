"""Quote and attribution extraction: one test per phenomenon, on sentences written for them."""

from __future__ import annotations

from newsgraph.extract.quotes.marks import find_quoted_spans


def _quotes(analyze, text: str):
    return analyze(text).quotes


def _direct(analyze, text: str):
    return [q for q in _quotes(analyze, text) if q.direct]


def _by_text(quotes, fragment: str):
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return found[0]


def test_mixed_straight_and_curly_quotes_with_apostrophes():
    text = (
        "\u201cWe don\u2019t want O\u2019Neill\u2019s plan,\u201d the mayor said on Monday.\n\n"
        '"It\'s a bad idea for the city," Rita Gomez said.'
    )
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "We don\u2019t want O\u2019Neill\u2019s plan,",
        "It's a bad idea for the city,",
    ]


def test_quote_text_excludes_marks_trailing_comma_and_offsets_are_exact(analyze):
    text = '"We will rebuild every school in the valley," Maria Lopez said.'
    (q,) = _direct(analyze, text)
    assert q.text == "We will rebuild every school in the valley"
    assert text[q.start : q.end] == q.text
    assert q.speaker_text == "Maria Lopez"
    assert text[q.speaker_start : q.speaker_end] == "Maria Lopez"
    assert q.cue == "said" and text[q.cue_start : q.cue_end] == "said"


def test_quote_spanning_several_sentences(analyze):
    text = '"The talks failed. Nobody came to the table. We will try again," Omar Haddad said.'
    (q,) = _direct(analyze, text)
    assert q.text.startswith("The talks failed.") and q.text.endswith("try again")
    assert q.speaker_text == "Omar Haddad"


def test_multi_paragraph_quote_convention(analyze):
    text = (
        "\u201cThe first part of the statement runs through this whole paragraph.\n\n"
        "\u201cAnd the statement continues here until it ends,\u201d Ana Silva said."
    )
    quotes = _direct(analyze, text)
    assert len(quotes) == 2
    assert all(q.speaker_text == "Ana Silva" for q in quotes)
    spans = find_quoted_spans(text)
    assert spans[0].close_mark is None and spans[1].continues


def test_partial_quote_with_speaker_cue(analyze):
    text = 'The senator condemned what she called a "historic betrayal" of the voters.'
    quotes = _direct(analyze, text)
    q = _by_text(quotes, "historic betrayal")
    assert q.speaker_text == "she"
    assert q.cue == "called"


def test_nested_single_quotes_stay_inside(analyze):
    text = "\u201cThey told us \u2018wait a week\u2019 and then left us alone,\u201d Li Wei said."
    (q,) = _direct(analyze, text)
    assert "\u2018wait a week\u2019" in q.text
    assert q.speaker_text == "Li Wei"


def test_scare_quotes_and_names_are_terms(analyze):
    text = (
        'Aid trucks used the so-called "humanitarian corridor" on Tuesday. '
        'The "Coalition of the Willing" met in Paris.'
    )
    assert _direct(analyze, text) == []


def test_reported_speech_with_that_clause(analyze):
    text = "Prime Minister Jan Novak warned that the border would stay closed until spring."
    quotes = _quotes(analyze, text)
    q = _by_text(quotes, "the border would stay closed")
    assert not q.direct
    assert "Jan Novak" in q.speaker_text
    assert q.cue == "warned"


def test_told_reporters_gives_reported_speech(analyze):
    text = "Mr. Okafor told reporters the factory would reopen next month."
    q = _by_text(_quotes(analyze, text), "the factory would reopen")
    assert not q.direct and q.cue == "told" and "Okafor" in q.speaker_text


def test_according_to(analyze):
    text = "According to the health ministry, 40 people were injured in the blast."
    q = _by_text(_quotes(analyze, text), "40 people were injured")
    assert q.cue == "According to"
    assert "health ministry" in q.speaker_text
    assert "According" not in q.text


def test_speaker_of_cue_not_of_root_and_medium(analyze):
    text = (
        "Foreign Minister Ali Rahimi said Monday at a news conference that "
        '"we will not accept these terms," the state news agency reported.'
    )
    q = _by_text(_direct(analyze, text), "we will not accept")
    assert q.cue == "said"
    assert "Ali Rahimi" in q.speaker_text
    assert q.medium == "the state news agency"


def test_inverted_cue(analyze):
    text = '"The bridge is safe," said Karin Berg, the city engineer.'
    (q,) = _direct(analyze, text)
    assert q.speaker_text == "Karin Berg"


def test_pronoun_speaker_and_he_added(analyze):
    text = (
        'Tomas Ruiz spoke at the rally. "We need more teachers," he said. '
        'He added: "And we need them now."'
    )
    quotes = _direct(analyze, text)
    assert [q.speaker_text for q in quotes] == ["he", "He"]
    assert quotes[1].cue == "added"


def test_quote_only_paragraph_continues_previous_speaker(analyze):
    text = (
        '"Prices keep rising," said Nadia Karim, a shop owner.\n\n'
        '"Every week my customers buy less than the week before."'
    )
    quotes = _direct(analyze, text)
    assert len(quotes) == 2
    assert quotes[1].speaker_text == "Nadia Karim"


def test_passive_quoted_as_saying(analyze):
    text = 'The general was quoted as saying "the army is ready to defend the capital."'
    (q,) = _direct(analyze, text)
    assert q.speaker_text == "The general"


def test_addressee_from_told(analyze):
    text = "Prime Minister Jan Novak told President Maria Costa that the deal was over."
    q = _by_text(_quotes(analyze, text), "the deal was over")
    assert q.cue == "told"
    if analyze(text).entities:  # resolved only when the actors stage finds both
        assert q.addressee is not None and q.addressee != q.speaker


def test_partial_quote_is_nested_in_its_reported_clause(analyze):
    text = 'Ms. Chen said the plan was "a disaster for small farmers" and would fail.'
    quotes = _quotes(analyze, text)
    (partial,) = [q for q in quotes if q.direct]
    (reported,) = [q for q in quotes if not q.direct]
    assert reported.start < partial.start and partial.end <= reported.end
    assert "Chen" in partial.speaker_text and partial.cue == reported.cue == "said"


def test_no_quotes_in_plain_narrative(analyze):
    assert _quotes(analyze, "The river flooded the village after three days of rain.") == []


def test_dash_attribution_after_quote(analyze):
    text = "\u201cThe town needs a new hospital before winter.\u201d \u2015 Elena Petrova\n"
    (q,) = _direct(analyze, text)
    assert q.speaker_text == "Elena Petrova"


def test_transcript_label_names_the_speaker(analyze):
    text = '"HOST: Welcome back to the program, we have a lot to cover tonight."'
    (q,) = _direct(analyze, text)
    assert q.speaker_text == "HOST"


def test_two_apostrophes_as_double_quote_marks():
    text = "''We will appeal the ruling,'' the lawyer said."
    (span,) = find_quoted_spans(text)
    assert text[span.start : span.end] == "We will appeal the ruling,"


def test_claim_noun_with_that_clause(analyze):
    text = "The governor's claim that the dam was safe surprised the engineers."
    q = _by_text(_quotes(analyze, text), "the dam was safe")
    assert not q.direct and q.cue == "claim"
    assert "governor" in q.speaker_text


def test_quote_date_from_cue_clause(analyze):
    text = '"We will not resign," Mayor Ruth Adler said on Monday.'
    (q,) = analyze(text, published="2024-03-13").quotes
    assert q.date == "2024-03-11"


def test_partial_quote_nested_in_reported_speech_takes_the_reporting_speaker(analyze):
    text = (
        "Council spokesman Felix Brandt said on Tuesday the city would answer "
        '"in a manner nobody will forget."'
    )
    quotes = analyze(text, published="2024-05-09").quotes
    reported = [q for q in quotes if not q.direct]
    (partial,) = [q for q in quotes if q.direct]
    assert len(reported) == 1 and reported[0].start < partial.start
    assert partial.text.startswith("in a manner")
    assert partial.speaker_text == "Felix Brandt" and partial.cue == "said"
    assert partial.date == reported[0].date == "2024-05-07"


def test_partial_quote_keeps_speaker_when_inner_clause_has_another_subject(analyze):
    text = (
        "Mayor Lena Fischer said the town had asked the province for new pumps "
        '"again and again, and we will not stop asking."'
    )
    (partial,) = _direct(analyze, text)
    assert "Lena Fischer" in partial.speaker_text


def test_media_wrapper_keeps_the_quoted_official_as_speaker(analyze):
    text = (
        'Ministry spokesman Karl Odum said the port would reopen "within days," '
        "the state news agency reported."
    )
    (partial,) = _direct(analyze, text)
    assert partial.speaker_text == "Karl Odum"
    assert partial.medium is not None and "news agency" in partial.medium


def test_comma_participle_after_content_clause_belongs_to_the_speaker(analyze):
    text = (
        "Senator Ada Moss said the agency had ignored the warnings, "
        'calling the failure "a scandal."'
    )
    q = _by_text(_direct(analyze, text), "a scandal")
    assert "Ada Moss" in q.speaker_text


def test_chanted_slogan_is_a_quote_of_the_chanting_crowd(analyze):
    text = 'The strikers marched to the ministry chanting "Pay us now."'
    (q,) = _direct(analyze, text)
    assert q.text.startswith("Pay us now") and "strikers" in q.speaker_text


def test_single_quoted_predicate_word_is_a_quote(analyze):
    text = 'Judge Irene Holt said on Friday she was "stunned" by the verdict.'
    (q,) = _direct(analyze, text)
    assert q.text == "stunned" and "Irene Holt" in q.speaker_text


def test_single_quoted_noun_remains_a_scare_quote(analyze):
    text = 'The company said the "experts" had checked the bridge.'
    assert _direct(analyze, text) == []


def test_a_demand_s_that_clause_is_no_reported_speech_but_a_call_is(analyze):
    # "demanded that X act" tells the act demanded; "called on X to act", "called for X" are
    # attributed content, as PolNeAR annotates them
    assert _quotes(analyze, "The union demanded that the mill reopen at once.") == []
    text = "The mayor called on the owners to pay the workers. The union called for a strike."
    quotes = _quotes(analyze, text)
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("the owners to pay the workers", "The mayor"),
        ("a strike", "The union"),
    ]


def test_stance_with_propositional_object_stays_a_quote(analyze):
    text = "The senator criticized the decision to close the rural clinics next year."
    q = _by_text(_quotes(analyze, text), "close the rural clinics")
    assert not q.direct and q.speaker_text == "The senator"


def test_ldc_style_double_quotes_pair_and_attribute(analyze):
    text = (
        "``We will not sign this text,'' Elena Marquez said on Monday.\n\n"
        "Her deputy, Tomas Brandt, said ``the talks are over.'' "
        "\u00abNothing has changed,\u00bb a spokesman said."
    )
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "We will not sign this text,",
        "the talks are over.",
        "Nothing has changed,",
    ]
    q = _by_text(_direct(analyze, text), "We will not sign")
    assert q.speaker_text == "Elena Marquez" and q.cue == "said"
    assert text[q.start : q.end] == q.text


def test_standalone_quote_keeps_its_speaker_over_the_next_speakers_own_words(analyze):
    text = (
        "``We will rebuild the bridge,'' said Tamar Golan, the transport minister. "
        "``Nobody wants another winter without it.'' Avi Peretz, the mayor, also suggested "
        "the town was ready to pay."
    )
    q = _by_text(_direct(analyze, text), "Nobody wants")
    assert q.speaker_text == "Tamar Golan"


def test_shared_surname_goes_to_whoever_last_bore_it(analyze):
    text = (
        "Sofia Herrera's father wrote again. ``We miss her,'' Carlos Herrera wrote in the letter. "
        "Sofia is staying with an aunt. Sofia started school.\n\n"
        "``I object to the ruling,'' Herrera said in the letter."
    )
    r = analyze(text)
    q = _by_text([q for q in r.quotes if q.direct], "I object")
    assert r.entities[q.speaker].name == "Carlos Herrera"


def test_a_one_word_utterance_opening_its_sentence_is_speech(analyze):
    r = analyze('The minister signed the accord. "Finally," Rita Gomez exclaimed.')
    q = _by_text([q for q in r.quotes if q.direct], "Finally")
    assert r.entities[q.speaker].name == "Rita Gomez"


def test_a_one_word_title_after_a_cue_mid_sentence_stays_a_term(analyze):
    quotes = _direct(analyze, 'He said the film "Titanic" was too long.')
    assert not any(q.text.startswith("Titanic") for q in quotes)


def test_a_participle_of_naming_after_a_speech_act_quotes_its_subject(analyze):
    r = analyze(
        "The Maltese government on Saturday condemned the bombings, calling them "
        'a "cowardly crime."'
    )
    q = _by_text([q for q in r.quotes if q.direct], "cowardly crime")
    assert r.entities[q.speaker].name == "Malta"


def test_a_name_given_by_naming_is_no_quote(analyze):
    quotes = _direct(analyze, 'The museum opened its new wing, calling it the "Modern Gallery."')
    assert not quotes


def test_a_name_after_the_closing_mark_speaks_when_a_quoted_word_took_the_subject(analyze):
    r = analyze(
        '"One of the brightest members of the entire Congress," Rep. Elijah E. Cummings '
        "(D-Md.) said in a phone interview."
    )
    q = _by_text([q for q in r.quotes if q.direct], "brightest members")
    assert r.entities[q.speaker].name == "Elijah E. Cummings"


def test_a_statement_speaks_for_its_author(analyze):
    r = analyze(
        "A statement by the Foreign Affairs Department described the attacks as senseless. "
        '"South Africa deplores these acts," the statement said.'
    )
    q = _by_text([q for q in r.quotes if q.direct], "deplores these acts")
    assert q.speaker_text == "the statement"
    assert r.entities[q.speaker].name == "Foreign Affairs Department"
    r = analyze('"We will not stop," the statement said.')
    assert _by_text(r.quotes, "We will not stop").speaker is None  # no author named


def test_a_partial_quote_in_the_next_paragraph_continues_the_last_speaker(analyze):
    r = analyze(
        'The president also asked for a "list of the priorities for security."\n\n'
        'The State Department will make the assessments "in the next few days," and the '
        "report will go to Congress."
    )
    q = _by_text(r.quotes, "in the next few days")
    assert q.speaker_text == _by_text(r.quotes, "list of the priorities").speaker_text
    assert q.speaker_text is not None


def test_a_participle_of_the_speaker_and_noted_or_mentioned_things_are_attributed(analyze):
    quotes = _quotes(analyze, "The mayor closed the park on Monday, citing a threat to health.")
    assert [(q.text, q.speaker_text) for q in quotes] == [("a threat to health", "The mayor")]
    quotes = _quotes(analyze, "The senator noted the governor's comments about the budget.")
    assert [q.text for q in quotes] == ["the governor's comments about the budget"]
    # a party blamed, or a thing named as something, is not what was said
    text = (
        "A drone attack on a camp killed 23 people on Sunday, the army said on Monday, "
        "blaming the paramilitary Rapid Support Forces."
    )
    assert [q.cue for q in _quotes(analyze, text)] == ["said"]
