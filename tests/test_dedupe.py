
from tidings.dedupe import dedupe_facts, similarity
from tests.conftest import make_analysis

BLOG = """Opening post text about the talks.
Minister: talks were constructive
The foreign minister said on Monday that talks in Geneva had been constructive and would go on.
Storm closes airport
Flights were cancelled at the main airport as winds reached 120km/h.
Talks in Geneva constructive, says minister
The foreign minister said talks in Geneva had been constructive and would go on next week.
"""


def test_dedupe_repeated_post_points_to_original():
    a = dedupe_facts(make_analysis(BLOG))
    assert [p.duplicate_of for p in a.posts] == [None, None, None, 1]


def test_dedupe_similarity_bounds():
    assert similarity("Storm closes airport", "Storm closes airport") == 1.0
    assert similarity("Storm closes airport", "Minister praises talks") == 0.0


RETOLD = """Opening summary of the day's events in the port city.
Ferry sinks off Mombasa, nine missing
A passenger ferry carrying 60 people capsized near Likoni on Friday morning, and nine passengers are missing, the coastguard said. Divers and fishing boats joined the search.
Governor visits hospital
The governor visited the county hospital, where survivors were being treated, and promised an inquiry.
Power cut hits city centre
Traffic lights failed across the city centre after a fault at a substation, the utility said.
Nine missing after Likoni ferry capsizes
The coastguard said nine passengers were missing after a ferry with 60 people on board capsized close to Likoni on Friday; divers and fishermen are searching.
"""

REVISED = """Opening summary of the day's events in the port city.
Ferry sinks off Mombasa, 9 missing
A passenger ferry carrying 60 people capsized near Likoni on Friday morning, and nine passengers are missing, the coastguard said. Divers and fishing boats joined the search.
Governor visits hospital
The governor visited the county hospital, where survivors were being treated, and promised an inquiry.
Power cut hits city centre
Traffic lights failed across the city centre after a fault at a substation, the utility said.
Ferry capsizes off Likoni, 14 missing
The coastguard said 14 passengers were missing after a ferry with 60 people on board capsized close to Likoni on Friday; divers and fishermen are searching.
"""


def test_dedupe_post_retold_in_other_words_points_to_original():
    # headline words barely overlap ('Ferry sinks off Mombasa' / 'Likoni ferry capsizes'), but the
    # bodies share the story's rarer words (ferry, capsized, Likoni, divers, coastguard)
    a = dedupe_facts(make_analysis(RETOLD))
    assert [p.duplicate_of for p in a.posts] == [None, None, None, None, 1]


REWORDED = """Opening summary of the day's events at the United Nations.
Moscow blocks truce text at Security Council
Russia used its veto on Tuesday to stop a Security Council resolution calling for a ceasefire in eastern Congo, diplomats said. Thirteen members voted in favour and China abstained.
Aid convoy reaches Goma
A convoy of 40 lorries carrying food and medicine reached Goma after a week on the road, the World Food Programme said.
Envoy visits camp
The special envoy visited a camp for displaced families north of the city and met its elders.
Russia vetoes Congo ceasefire resolution
A resolution demanding a ceasefire in eastern Congo failed at the Security Council after Russia used its veto; thirteen members backed it and China abstained, diplomats said.
"""


def test_dedupe_post_retold_under_a_reworded_headline_points_to_original():
    # the headlines share no word, but the bodies are far more alike than any
    # other pair (veto, resolution, ceasefire, Congo, thirteen, abstained)
    a = dedupe_facts(make_analysis(REWORDED))
    assert [p.duplicate_of for p in a.posts] == [None, None, None, None, 1]


def test_dedupe_post_with_another_count_in_its_headline_is_a_revision_not_a_repeat():
    a = dedupe_facts(make_analysis(REVISED))
    assert [p.duplicate_of for p in a.posts] == [None, None, None, None, None]


FOLLOW_UP = """Opening summary of the day's events in the port city.
Ferry sinks off Mombasa, nine missing
A passenger ferry carrying 60 people capsized near Likoni on Friday morning, and nine passengers are missing, the coastguard said.
Power cut hits city centre
Traffic lights failed across the city centre after a fault at a substation, the utility said.
Divers search Likoni channel for ferry passengers
Navy divers and fishing boats searched the Likoni channel for the missing ferry passengers, the coastguard said.
Nine still missing as divers comb Likoni channel
Nine passengers of the ferry that capsized near Likoni on Friday morning are still missing as navy divers and fishing boats search the channel, the coastguard said.
"""


def test_dedupe_post_alike_two_earlier_posts_is_a_follow_up_not_a_repeat():
    # the last post shares the story's words with both ferry posts, so neither is the one it repeats
    a = dedupe_facts(make_analysis(FOLLOW_UP))
    assert [p.duplicate_of for p in a.posts] == [None, None, None, None, None]


RECAP = """Quake blog: toll passes 1,000 – live
An earthquake struck the mountains on Friday night. The latest updates are at the top.
17.20 BST
Recap: Morocco lets in rescuers from Spain, Portugal, Qatar and Jordan
To recap: Morocco has said yes to rescue teams from Spain, Portugal, Qatar and Jordan, the ministry said.
16.30 BST
Seismologist: shallow quake hit villages built to crumble
The quake was unusually shallow, which is why mud-brick villages collapsed, a seismologist said.
11.45 BST
Morocco accepts rescue teams from four countries
Morocco has accepted offers of rescue teams from Spain, Portugal, Qatar and Jordan, the ministry said in a statement.
10.30 BST
Villager: the mountain roared
A farmer in Talat N'Yaaqoub said the walls came down on his family as they slept.
"""


def test_dedupe_a_marked_recap_points_to_the_post_it_retells_also_below_it_newest_first():
    a = dedupe_facts(make_analysis(RECAP))
    heads = {p.id: p.headline.text(a.doc) for p in a.posts if p.headline}
    dups = {heads[p.id]: heads.get(p.duplicate_of) for p in a.posts if p.duplicate_of is not None}
    assert dups == {"Recap: Morocco lets in rescuers from Spain, Portugal, Qatar and Jordan":
                    "Morocco accepts rescue teams from four countries"}


def test_dedupe_a_summary_of_many_posts_retells_none_of_them():
    blog = RECAP.replace("Recap: Morocco lets in rescuers from Spain, Portugal, Qatar and Jordan\nTo recap: Morocco has "
                         "said yes to rescue teams from Spain, Portugal, Qatar and Jordan, the ministry said.",
                         "Summary: what we know so far\nTo recap: the unusually shallow quake made mud-brick villages "
                         "collapse, a seismologist said; a farmer said the walls came down on his family; Morocco "
                         "accepted offers of rescue teams from Spain and Portugal.")
    a = dedupe_facts(make_analysis(blog))
    assert all(p.duplicate_of is None for p in a.posts)
