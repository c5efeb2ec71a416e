from tests.conftest import make_analysis

LIVE = """Opening paragraph about the storm that hit the coast overnight.
Second opening paragraph with more detail.
Minister: 'We are ready to help'
The minister said the army was ready.
More body text follows here.
10.32am Rescue teams reach the village
Teams arrived at dawn.
Watch: Aerial footage of the flooded valley
The meeting was replaced by discussions by other officials
Source: example.org
"""


def test_posts_headlines_opening_video_and_source():
    a = make_analysis(LIVE)
    heads = [p.headline and p.headline.text(a.doc) for p in a.posts]
    assert heads == [None, "Minister: 'We are ready to help'", "Rescue teams reach the village",
                     "Watch: Aerial footage of the flooded valley"]
    assert [p.kind for p in a.posts] == ["opening", "post", "post", "video"]
    assert a.doc.source == "example.org"
    assert a.posts[2].timestamp == "10:32"


def test_posts_prose_without_full_stop_is_not_a_headline():
    a = make_analysis("Intro line here.\nThe talks were postponed by officials\nMore text follows.\n")
    assert len(a.posts) == 1 and a.posts[0].kind == "article"


def test_posts_plain_article_is_one_post():
    a = make_analysis("One sentence. Another one.\nA second paragraph.")
    assert len(a.posts) == 1 and a.posts[0].headline is None
    assert len(a.paragraphs) == 2


def test_posts_timestamp_line_alone_attaches_to_next_post():
    a = make_analysis("Intro text.\n21:05 GMT\nFirst result declared\nThe count ended.\n")
    assert a.posts[-1].timestamp == "21:05"
    assert a.posts[-1].headline.text(a.doc) == "First result declared"


def test_posts_a_posted_at_line_is_the_next_posts_time():
    a = make_analysis("Floods: live\nPosted at 17:05\nRain to ease overnight\nThe rain will ease.\n"
                      "Posted at 16:20\nHelicopters lift villagers out\nTwo helicopters flew.\n")
    assert [p.headline.text(a.doc) for p in a.posts[1:]] == ["Rain to ease overnight", "Helicopters lift villagers out"]
    assert [p.timestamp for p in a.posts[1:]] == ["17:05", "16:20"]


def test_posts_pm_time_is_24_hour():
    a = make_analysis("Intro text.\n2.15pm Crowds gather outside\nPeople came.\n")
    assert a.posts[-1].timestamp == "14:15"


def test_posts_timestamp_with_colon_at_body_start():
    a = make_analysis("Intro text.\nArmy sent to villages\n10.32am: Soldiers arrived at dawn.\n")
    assert a.posts[-1].timestamp == "10:32"


def test_posts_number_is_not_a_timestamp():
    a = make_analysis("Intro text.\nPrices rise again\n10.5 million people were affected.\n")
    assert a.posts[-1].timestamp is None


def test_posts_question_lines_are_not_headlines():
    a = make_analysis("Intro text.\nMinisters grilled by committee\nThe session began.\nQ: How long is that for?\nThe minister did not say.\n")
    assert [p.headline.text(a.doc) for p in a.posts if p.headline] == ["Ministers grilled by committee"]


def test_posts_stamp_line_over_body_is_an_untitled_update():
    a = make_analysis("Intro text.\n18:47\nThe rover moved.\n18:51\nNext question answered\nIt did.\n")
    assert [(p.timestamp, p.headline and p.headline.text(a.doc)) for p in a.posts] == [
        (None, None), ("18:47", None), ("18:51", "Next question answered")]


def test_posts_a_headline_may_open_on_a_number():
    a = make_analysis("Intro line here.\n12.30 GMT\n17 killed, 30 missing as search is halted\nBody text here.\n")
    assert [p.headline and p.headline.text(a.doc) for p in a.posts] == [None, "17 killed, 30 missing as search is halted"]


def test_posts_a_line_under_a_time_line_is_its_headline_whatever_its_shape():
    from tidings.segment import split_posts
    from tidings.types import Analysis, Document
    text = ("Camp attack – live\nFighters stormed a camp on Saturday.\n07:05 GMT\n"
            "Shells hit camp before dawn, then gunmen move in\nThe shelling began at about 4am, the committee said.\n")
    a = split_posts(Analysis(doc=Document(id="t", text=text)))
    assert "Shells hit camp before dawn, then gunmen move in" in [p.headline.text(a.doc) for p in a.posts if p.headline]


def test_posts_an_updated_line_under_a_headline_is_its_time_not_its_headline():
    a = make_analysis("Flood live\nRivers rose overnight across the valley.\nDeath toll rises to nine\nUpdated 11:20\n"
                      "The toll has risen to nine, officials said.\nBridge reopens\nPosted at 10:05\nThe bridge reopened.\n")
    assert [(p.timestamp, p.headline and p.headline.text(a.doc)) for p in a.posts][1:] == [
        ("11:20", "Death toll rises to nine"), ("10:05", "Bridge reopens")]
    assert "Updated 11:20" not in [p.span.text(a.doc) for p in a.paragraphs]


def test_posts_a_time_line_under_a_headline_with_a_zone_is_that_posts_time():
    a = make_analysis("Fire live\nThousands fled overnight.\nPG&E says it is reviewing its lines\n4:38 p.m. PT\n"
                      "The utility said it was reviewing a line.\nGovernor declares emergency\n3:45 p.m. PT\n"
                      "The governor declared an emergency.\n")
    assert [(p.timestamp, p.headline and p.headline.text(a.doc)) for p in a.posts][1:] == [
        ("16:38", "PG&E says it is reviewing its lines"), ("15:45", "Governor declares emergency")]


def test_posts_a_title_over_a_blank_line_and_a_time_keeps_the_update_untitled():
    a = make_analysis("LIVE: Fire in Kyiv\n\n10:15\nEight people were killed on Tuesday, the minister said.\n")
    assert [(p.timestamp, p.headline and p.headline.text(a.doc)) for p in a.posts] == [
        (None, "LIVE: Fire in Kyiv"), ("10:15", None)]


def test_posts_a_relative_time_line_over_or_under_a_headline_is_the_posts_time_not_its_headline():
    from tidings import analyze

    for text in ("Protests live\nOpening summary of the day.\n\n2h ago\nPolice fire tear gas\nPolice fired tear gas at "
                 "protesters.\n\n5h ago\nCrowds gather\nThousands gathered in the square.",
                 "Protests live\nOpening summary of the day.\n\nPolice fire tear gas\n2h ago\nPolice fired tear gas at "
                 "protesters.\n\nCrowds gather\n5h ago\nThousands gathered in the square."):
        a = analyze(text)
        assert [p.headline.text(a.doc) for p in a.posts[1:]] == ["Police fire tear gas", "Crowds gather"]
        assert not any("ago" in p.span.text(a.doc) for p in a.paragraphs)


def test_a_line_all_in_quotation_marks_with_two_sentences_is_a_quote_not_a_headline():
    from tidings import analyze

    a = analyze("Soldier killed\n\nHis mother, Gloria Rincón, spoke by phone.\n\n“He called me on Sunday,” she said. “He "
                "wanted to study to be a mechanic.\n\n“Now they are sending him back to me in a coffin. Who is going to "
                "answer to me for that?”\n\nThe army said it would investigate.\n")
    assert [p.headline.text(a.doc) for p in a.posts if p.headline] == ["Soldier killed"]
    assert any(q.span.text(a.doc).startswith("“Now they are sending him back") and
               a.entities[q.entity].name == "Gloria Rincón" for q in a.quotes)
