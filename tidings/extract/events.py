"""Find events (PLOVER categories) with actors, targets, place, time and casualties, by rule."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from tidings.extract.acled import acled_type
from tidings.extract.alternation import Alternation
from tidings.extract.lexicon import DATELINE, HEAD_ROLE, KIN_NOUNS, PASSIVE_AUX, ROAD_NAME
from tidings.pipeline import stage
from tidings.resolve.roles import role_matches
from tidings.types import Amount, Analysis, Event, Mention, Participant, Quote, Span

# "warned that more attacks would follow": a threat, and the attacks it names have not happened
_WARNED = r"warn(?:s|ed|ing)?\s+(?:that\s+|of\s+)(?:more|further|new|fresh|renewed)\s+"
_WARNED_OF = _WARNED + r"(?:[\w-]+\s+)?(?:attacks|strikes|action|violence|reprisals|retaliation|consequences)"
# "warned that Democrats would block any bill": a threat to act (not "warned that water could spread cholera")
_WARNED_ACT = (r"warn(?:s|ed|ing)?\s+(?:that\s+)?(?:[\w’'-]+\s+){1,4}?(?:would|will)\s+[“\"]?(?:not\s+)?"
               r"(?:block|veto|retaliate|respond|strike|sanction|boycott|walk out|shut down|sue|expel|halt|suspend|"
               r"cut off|withdraw|resign|come back|return|stay silent|take action|act|intervene|escalate|hesitate|face|"
               r"walk away|pull out|seek|target|answer|punish|stop work|take (?:[\w’'-]+ ){0,2}?to court|"
               r"extend|expand|widen|step up|intensify)\b")
# "would not stand and watch if ...", "will not stay silent": a threat said without "warned"
# "warned that unless the owners came back with a better figure, the council would ...": the condition first
_WARNED_UNLESS = r"warn(?:s|ed|ing)?\s+that\s+(?:unless|if)\s+[^.;]{3,150}?,\s+(?:[\w’'-]+\s+){1,4}?(?:would|will)\s"
# "warns the stoppage could be extended if the audit is not under way": any warning of what will be done on a
# condition (PLV train: 3 of 3 THREATEN; golden articles: 14 of 15 such warnings a gold threat)
# (the trigger is the verb alone: the act warned of stays a trigger of its own, flagged hypothetical)
_WARNED_IF = r"warn(?:s|ed|ing)?(?=\s+(?:that\s+)?[^.;]{0,100}?\b(?:would|will|could)\b[^.;]{0,80}?\b(?:if|unless)\b)"
# "warns the strikes will continue as long as ...", "The strikes would continue ..., the ministry warned": more of
# the same; "warned that other hotels used by foreigners would be targeted"
_MORE = r"(?:strikes|attacks|raids|bombings|operations|shelling)\s+(?:would|will)\s+(?:continue|intensify|go on)\b"
_WARNED_MORE = (r"warn(?:s|ed|ing)?\s+(?:that\s+)?(?:the\s+|its\s+|their\s+|such\s+)?" + _MORE + "|"
                r"(?:(?<=strikes )|(?<=attacks )|(?<=raids )|(?<=shelling ))(?:would|will)\s+(?:continue|intensify|go on)\b"
                r"(?=[^.]{0,120}\bwarn)|"  # (after the noun: the noun alone is the attack's row)
                # (and "warned that union officials who ignored the order could be cited for contempt")
                r"warn(?:s|ed|ing)?\s+(?:that\s+)?(?:[\w’'-]+\s+){1,10}?(?:would|will|could)\s+be\s+(?:targeted|attacked|punished|"
                r"prosecuted|charged|arrested|jailed|sacked|dismissed|fired|fined|expelled|(?:cited|held)\s+(?:for|in)\s+contempt)\b")
# "the trawlers would be confiscated ... if the fines were not paid", "will take DPDC to court if it is not compensated"
_IF_NOT = (r"(?:would|will)\s+(?:be\s+[“\"]?(?:confiscated|expelled|deported|prosecuted|sued|punished)|"
           r"take\s+(?:[\w’'-]+\s+){0,3}?to\s+court|sue|go\s+to\s+court)\b[^.;]{0,80}?\b(?:if|unless)\b")
_WONT_WATCH = (r"(?:would|will)\s+[“\"]?(?:not|never)\s+(?:stand (?:by|idly by|and watch)|sit idly by|stay silent|"
               r"remain silent|remain indifferent)\b")
# "failed in the Senate", "was voted down by parliament": a legislature rejects a bill
_VOTED_DOWN = (r"(?:failed|was defeated|were defeated|was rejected|was voted down)\s+(?:in|by)\s+(?:the\s+)?"
               r"(?:[A-Z][\w-]*\s+){0,3}?(?:Senate|House|Parliament|parliament|Assembly|Congress|Chamber|Council|"
               r"Duma|Bundestag|Knesset|Sejm|Commons|Lords|Rada|legislature)|voted (?:down|against)")
_ARSON = r"set fire to|set (?:[\w-]+ ){0,3}?(?:on fire|alight)|torched|burn(?:ed|t) down"
# (type, mode, pattern): earlier rows win within a sentence; one event per type per sentence
# what is seized without an attack: "investigators seized footage", "police seized drugs"
_SEIZED_THINGS = (r"(?:footage|documents|phones|computers|records|evidence|equipment|goods|cash|drugs|cocaine|heroin|"
                  r"cannabis|weapons|arms|ammunition|passports|assets|property|vehicles|cars|laptops|hard drives|cameras|"
                  r"reports|files|papers|data|servers|fish|catch|tonnes|shipments?|consignments?)\b")
# ... or before its passive verb: "All inspection reports for the block have been seized"
_SEIZED_BEFORE = re.compile(rf"\b{_SEIZED_THINGS}[^.;]{{0,60}}?\b(?:were|was|have been|has been|had been|being)\s+$",
                            re.IGNORECASE)
# "vowed to pursue the attackers", "vowed that the army would pursue them"
_PACTS = (r"(?:agreements?|deals?|accords?|treat(?:y|ies)|pacts?|memorand(?:um|a)|MoUs?|contracts?|ceasefires?|truces?|"
          r"declarations?|protocols?|charters?|conventions?|roadmaps?|communiqu[ée]s?|partnerships?|frameworks?)\b")
_PUNISH = r"(?:pursue|hunt down|track down|punish|avenge|crush|wipe out|eliminate)"
# people held, "recaptured eleven of the escapees"
_HELD = r"(?:escapees|inmates|prisoners|fugitives|convicts|detainees)"
# envoys and monitors sent home: a diplomatic sanction, not an arrest
_ENVOYS = r"(?:diplomats?|ambassadors?|envoys?|inspectors|aid workers|humanitarian workers)\b"
# an attack in words: "launched a scathing attack on the spy chiefs"
_STORMERS = ("commandos", "troops", "police", "soldiers", "forces", "jihadists", "gunmen", "militants", "fighters", "insurgents",
             "rebels", "attackers", "assailants", "gangs", "militiamen", "pirates")  # who storm a place: an assault, no weather
_HARSH = r"(?:scathing|extraordinary|blistering|stinging|withering|personal|verbal|veiled)"
_TRIGGERS: list[tuple[str, str, str]] = [
    # "the stoppage could be extended if the audit was not under way", "the protest would move to other crossings ...
    # if the government did not act": a protest's escalation on a condition threatens (before the protest's own word)
    ("THREATEN", "warning", r"(?:strikes?|stoppages?|walkouts?|protests?|blockades?|sit-ins?)\s+(?:would|could|will|may)\s+"
                            r"(?:be\s+)?(?:extended|escalated|widened|stepped up|intensified|spread|move|expand(?:ed)?)\b"
                            r"(?=[^.;]{0,100}?\b(?:if|unless)\b)|"
                            # "would hold a second, 48-hour strike from Sept 24 if the government did not ...", "would
                            # stage a sit-in outside parliament if the increase was not withdrawn"
                            r"(?:would|will)\s+(?:hold|stage|call|launch|begin|start|mount|organi[sz]e)\s+(?:a\s+|an\s+)?"
                            r"(?:[\w,-]+\s+){0,4}?(?:strikes?|sit-ins?|shutdowns?|protests?|march(?:es)?|blockades?|walkouts?|"
                            r"stoppages?)\b(?=[^.;]{0,120}?\b(?:if|unless)\b)|"
                            # "If not, the strike will be extended": the condition first
                            r"\b(?:If\s+not|Otherwise|If\s+(?:[\w’'-]+\s+){1,12}?[\w’'-]+),\s+(?:the\s+|our\s+|their\s+)?"
                            r"(?:strikes?|stoppages?|walkouts?|protests?|blockades?|sit-ins?)\s+(?:would|could|will|may)\s+"
                            r"(?:be\s+)?(?:extended|escalated|widened|stepped up|intensified|spread|expand(?:ed)?)\b|"
                            # "the alliance would make the strike indefinite if the prices were not reversed"
                            r"(?:would|will)\s+make\s+(?:the|its|their|our)\s+(?:strike|stoppage|walkout|protest|blockade|sit-in)s?\s+"
                            r"(?:indefinite|open-ended|unlimited|permanent)\b|"
                            # "the society would seek contempt orders against any official who ..."
                            r"(?:would|will)\s+(?:seek|file|bring|lodge|pursue)\s+(?:[\w-]+\s+){0,2}?(?:orders|charges|"
                            r"proceedings|action|complaints?|lawsuits?|cases?)\s+against\b"),
    ("PROTEST", "strike", r"(?:dock|port|general|national|rail|union|workers’?|workers'|labour|labor)\s+strikes?|walkouts?|on strike|industrial action|"
                          r"(?:call|calls|called|calling)\s+(?:a|an|another)\s+(?:[\w-]+\s+)?(?:strikes?|stoppages?)"),
    ("PROTEST", "demonstration", r"protest(?:s|ed|ers|ing)?|demonstrations?|demonstrators|rall(?:y|ies|ied)|"
                                 r"demonstrat(?:ed|ing)(?=\s+(?:in|against|outside|on|at|near|for|to|over|before)\b)|"
                                 r"march(?:ed|es)?|blockad(?:e|es|ed|ing)|boycotts?|sit-ins?|picket(?:ed|ing|s)?|"
                                 r"(?:shout|chant)(?:s|ed|ing)\s+slogans|"
                                 r"(?:wav|hold|carry|carri)(?:e|es|ed|ing)\s+(?:[\w-]+\s+)?(?:flags\s+and\s+)?(?:placards|banners)|"
                                 r"block(?:ed|ing|s)? (?:the |a |several |main )?(?:[\w-]+ ){0,2}?(?:road|highway|motorway|"
                                 r"street|bridge|railway|roads|highways|streets)s?\b|"
                                 r"(?:gathered|assembled)(?=\s+(?:[\w’'-]+\s+){0,10}?(?:to\s+(?:demand|protest|denounce|"
                                 r"condemn|call\s+for)|in\s+protest|against)\b)|"
                                 # "Dozens of opposition lawmakers walked out of the National Assembly"
                                 r"walk(?:ed|s|ing)?\s+out\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:parliament|assembly|"
                                 r"chamber|session|talks|meeting|hearing|debate|sitting|house|negotiations)\b"),
    ("ASSAULT", "aerial", r"air\s?strikes?|missile(?:s)?\s+(?:and\s+drone\s+)?(?:attacks?|strikes?)|(?<!water-)(?<!water )bomb(?:ing|ings|ed)|shell(?:ing|ed)"),
    ("ASSAULT", "drone", r"drone\s+(?:attacks?|strikes?)"),
    # "A bomb exploded in the market", "a roadside bomb went off", "threw a grenade" (37 of the 45 ACLED notes
    # so worded are remote explosives or grenades)
    ("ASSAULT", "attack", r"(?:bombs?|explosive devices?|IEDs?|grenades?|land ?mines?)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:exploded|went off|detonated|blew up)|(?:threw|thrown|hurled|lobbed)\s+(?:[\w-]+\s+){0,2}?"
                          r"grenades?|grenades?\s+(?:was|were)\s+(?:thrown|hurled|lobbed)\b|"
                          # PLV train: "violated the ceasefire" (4 of 4 ASSAULT), "torture" (5 of 6), "human shields" (4 of 4)
                          r"violat(?:e|es|ed|ing)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:ceasefire|cease-fire|truce)|"
                          r"bombard(?:ed|ing|s|ment)|tortur(?:e|ed|ing)|human shields?|"
                          r"opened fire|gunfire|gunmen|cyber-?attacks?|attacks?|attacked|(?:strikes?|struck)(?!\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:note|tone|chord|balance|pose)\b)(?!\s+down\s+(?:[\w’'-]+\s+){0,4}?(?:laws?|decrees?|bans?|rules?|rulings?|orders?|provisions?|legislation|bills?|polic(?:y|ies)|regulations?|amendments?|measures?|results?|acts?)\b)|assault(?:ed|s)?|ambush(?:ed)?|raids?(?![\s-]+(?:alerts?|sirens?|warnings?|shelters?|alarms?)\b)|massacres?|invasion|invaded?|captured|(?<!the )seiz(?:e|es|ed)(?!\s+power\b)(?!\s+(?:[\w’'-]+\s+){0,3}?" + _SEIZED_THINGS + r")|shot dead|shot and (?:wounded|injured|killed)|shootings?|stabb(?:ing|ed)|knife attack|explosions?|blasts?|clash(?:ed|es)|fighting|fire-?fights?|gun-?fights?|shoot-?outs?|"
                          r"abduct(?:ed|ion)|kidnapp(?:ed|ing)|hijack(?:ed|ing|s)?|lynched|killed|killing|"
                          # "A police sniper has shot the hijacker dead", "held a taxi driver at knifepoint"
                          r"shot\s+(?:[\w’'-]+\s+){1,4}?dead\b|(?:held|holding|holds|hold|took|taken|taking)\s+"
                          r"(?:[\w’'-]+\s+){1,5}?(?:hostage|captive|at\s+(?:gun|knife)point)\b|"
                          r"(?:shells|rockets|mortars|missiles|bombs)\s+(?:landed|hit|fell|struck|exploded|slammed)|"
                          r"fir(?:ed|ing) (?!(?:[\w-]+ ){0,2}?(?:stop|stops|stopped|cease|ceased|end|ended|halt|halted)\b)"
                          r"(?:[\w-]+ ){0,3}?(?:at|on|into)|opened fire|"  # (not "firing was to stop at 10 p.m.")
                          r"(?:(?<=police )|(?<=troops )|(?<=soldiers )|(?<=forces )|(?<=gunmen )|(?<=officers ))fire (?:[\w-]+ ){0,3}?(?:at|on|into)|"  # (not "a fire on the ship")
                          r"(?:exchang(?:ed|ing|es?)|trad(?:ed|ing|es?)) (?:heavy |artillery |mortar |small-arms )?fire|exchanges? of (?:heavy )?fire|"
                          r"return(?:ed|ing)? fire|came under (?:heavy )?fire|"
                          r"(?:artillery|mortar|sniper|machine-gun|small-arms|rocket|tank|heavy) fire|"
                          r"fir(?:ed|ing|es) (?:[\w-]+ ){0,3}?(?:artillery|mortars?|rockets?|missiles?|shells|grenade launchers|small arms|"
                          r"live (?:rounds|ammunition|bullets)|rubber bullets|warning shots)|(?:an|the|a new|a major|a ground|its|their) offensive|"
                          r"counter-?offensives?|counter-?attack(?:s|ed)?|repulsed|assault operations?|"
                          r"dropped (?:[\w-]+ ){0,4}?(?:grenades|bombs|munitions|explosives)|"
                          r"(?:" + "|".join(f"(?<={w} )" for w in _STORMERS) + r")storm(?:s|ed)?\b"),
    ("DISASTER", "fire", r"(?<!opened )(?<!open )(?<!cease)(?<!set )fires?(?!\s+(?:engines?|brigades?|service|chiefs?|stations?|fighters?|crews?|teams?|departments?|alarms?|exits?|safety|water cannons?|tear ?gas|rubber bullets|stun grenades|warning shots|shots|rockets?|missiles?|shells|rounds))|blazes?|wildfires?|bushfires?"),
    ("DISASTER", "accident", r"(?:plane|train|bus|minibus|coach|car|lorry|truck|road|helicopter) crash(?:es)?|crashed|"
                            r"derail(?:ed|ment)|capsized|(?<!\bthe )collapsed(?!-)|building collapse|"
                            # "A domestic passenger plane slammed into a steep river gorge", "bus plunges into ravine"
                            r"(?:plane|aircraft|airliner|jet|helicopter|bus|coach|minibus|train|lorry|truck|car|van|ferry|boat)\s+"
                            r"(?:slammed|slams|plunged|plunges|ploughed|ploughs|plowed|plows|careered|careers|veered|veers|smashed|"
                            r"smashes)\s+(?:off\s+)?into|"
                            r"collided|collisions?|(?:crowd |stadium )?(?<!to )crush(?:es)?\b(?! on)|crushed (?:against|to death)|stampedes?|crowd surges?|"
                            r"(?:oil|pipeline|fuel|diesel|crude|chemical|toxic|gas|chlorine|ammonia)\s+(?:spills?|leak(?:s|ed)?|escaped)|"
                            # "died of carbon monoxide poisoning from a generator", "were electrocuted"
                            r"carbon monoxide(?:\s+poisoning)?|electrocut(?:ed|ion)|"
                            r"spill(?:ed|t)\s+(?:(?:about|around|some|nearly|more than|an estimated|over|at least)\s+)?"
                            r"(?:[\d,.]+|oil|crude|fuel|diesel|chemicals|toxic)"),
    ("DISASTER", "natural", r"flood(?:s|ing|ed)?|earthquakes?|quakes?|aftershocks?|landslides?|mudslides?|wildfires?|" + "".join(f"(?<!{w} )" for w in _STORMERS) + r"storms?|hurricanes?|cyclones?|typhoons?|tsunamis?|eruptions?|volcano(?:es)?|avalanches?|heatwaves?|droughts?|"
                            # "Hajj heat deaths", "treated for heat exhaustion", "died of heatstroke"
                            r"heat\s+(?:wave|deaths?|exhaustion|stroke|stress)s?|heatstroke|extreme\s+heat"),
    # "recaptured 29 of the escapees" (not "recaptured the town": ground taken back is a battle's)
    ("COERCE", "arrest", r"recaptur(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,4}?(?:escaped|" + _HELD + r")\b|"
                         + _HELD + r"\s+(?:[\w-]+\s+){0,3}?(?:were|had been|have been)\s+recaptured\b|"
                         r"sentenced|jailed|imprisoned|arrest(?:ed|s)?|(?:taken|took)\s+into\s+custody|round(?:ed|ing)? up|detain(?:ed|s)?|deport(?:ed|ation)|expelled(?!\s+(?:[\w-]+\s+){0,3}?" + _ENVOYS + r")|convicted|curfews?|annex(?:ed|ation)|crack(?:ed)?\s?down|"
                         + _ARSON),
    # "Police fired tear gas when young men tried to force the gate": the police coerce the crowd (with protesters
    # named, the protest's row comes first; ACLED has no sub-type for force without a protest)
    ("COERCE", "crowd-control", r"(?:fir(?:e|es|ed|ing)|us(?:e|es|ed|ing)) (?:volleys of )?(?:tear ?gas|water cannons?|"
                                r"rubber bullets|stun grenades|pepper spray)"),
    ("THREATEN", "retaliation", r"(?:would|will|vow(?:s|ed)? to) (?:respond|retaliate|hit back|answer with|"
                                 r"answer (?:every|any) (?:provocation|attack|aggression))\b|retaliation|"
                                 r"(?:vow(?:s|ed|ing)?|pledg(?:es|ed|ing)|promis(?:es|ed|ing)) to " + _PUNISH + "|"
                                 # "vowed that the army would pursue the attackers"
                                 r"(?:vow|pledg|promis)(?:s|ed|es)? that (?:[\w’'-]+ ){1,4}?(?:would|will) " + _PUNISH + "|"
                                 r"(?:will|would) not go unanswered|"
                                 # 'Russia would “take the necessary measures” if Nato moved troops', "will take countermeasures"
                                 r"(?:will|would|shall)\s+[“\"‘']?take\s+[“\"‘']?(?:all\s+)?(?:the\s+)?(?:necessary|appropriate|"
                                 r"adequate|retaliatory|tough|decisive)\s+(?:counter)?(?:measures|steps|action)|"
                                 r"(?:will|would|shall)\s+[“\"‘']?take\s+[“\"‘']?(?:[\w-]+\s+)?countermeasures|"
                                 # "those who planned this will be found and punished", "orders to respond with force"
                                 r"(?:will|would|must|shall) be (?:found and |tracked down and |hunted down and )?"
                                 r"(?:punished|brought to justice|hunted down)|respond with force|"
                                 # "The response will come at a time and in a manner that we choose", "... of our choosing"
                                 r"(?:respon(?:d|se)|retaliat(?:e|ion)|reply)\b[^.;]{0,40}?\bat\s+(?:a|the)\s+time\s+"
                                 r"(?:and\s+(?:in\s+(?:a|the)\s+)?(?:place|manner)\s+)?(?:of\s+(?:our|its|their)\s+(?:own\s+)?choosing|"
                                 r"(?:that\s+)?(?:we|it|they)\s+(?:choose|chooses|see\s+fit))"),
    ("THREATEN", "verbal", r"(?:will|would|must|shall) (?:be made to )?answer for (?:it|this|that|their|his|her)\b|(?<![-‑])threat(?:en|ens|ened|ening)?|ultimatums?|could walk away|nuclear strike|"
                           # "had received threats by telephone", "death threats"
                           r"(?:receiv(?:e|es|ed|ing)|g(?:o|e)t(?:s|ting)?|got)\s+(?:[\w-]+\s+){0,2}?threats\b|death threats|"
                           # 'warning that Cairo would keep "all options" open', "all options remain on the table"
                           r"all\s+options[”\"’']?\s+(?:(?:remain|remained|are|were|stay|stayed)\s+|(?:would|will)\s+(?:remain|stay)\s+)?"
                           r"[“\"‘']?(?:open|on\s+the\s+table)\b|"
                           # "reserves the right to use force", "reserved the right to take “mirror measures”"
                           r"reserv(?:es|ed|ing) the right to (?:use|take|respond|retaliate|act)\b|"
                           r"(?:will|would) (?:face|meet) [“\"]?(?:the )?(?:full force of the law|consequences|legal action|prosecution)|"
                           r"(?<!had )no (?:other )?choice but to|"  # ("I had no choice but to turn around": what was done)
                           # "any officer who helped the escape will stand in the dock": a warning to whoever does it
                           # ("anyone caught taking fuel ... would in future be “arrested and charged”", "any media that
                           # chooses to serve as a loudspeaker for terrorists will be treated the same way")
                           r"(?:anyone|anybody|whoever|those|any\s+[\w-]+)\s+(?:who|that|caught|found|seen|[a-z]+ing)\b"
                           r"[^.;]{0,80}?\b(?:will|would|could)\s+(?:in\s+future\s+)?(?:stand in the dock|face|be\s+[“\"]?"
                           r"(?:charged|prosecuted|punished|arrested|dealt with|treated|met with|removed|turned back|jailed))\b"),
    ("THREATEN", "warning", _WARNED_OF + "|" + _WARNED_ACT + "|" + _WARNED_UNLESS + "|" + _WARNED_MORE + "|" + _IF_NOT + "|"
                            + _WARNED_IF + "|"
                            # and "would table a motion unless ..."
                            r"(?:would|will)\s+(?:[\w’'-]+\s+){1,10}?unless\b|" + _WONT_WATCH),
    # "appealed to Haiti's partners to send helicopters", "called on the army to withdraw": a request to act
    # (not a source's condition: "who asked not to be named")
    ("REQUEST", "appeal", r"(?:appeal(?:s|ed|ing)?|call(?:s|ed|ing)? on|advis(?:e|es|ed|ing)|"
                          r"ask(?:s|ed)?(?! not to be (?:named|identified|quoted)))"
                          r" (?:[\w’'-]+ ){1,8}?to (?!the\b|a\b|an\b)[a-z]+\b"),
    # "ordered X to appear for questioning", "summoned Oyelaran to appear before it": a request in so many words
    ("REQUEST", "summons", r"(?:order|summon)(?:s|ed)?\s+(?:[\w’'.-]+\s+){1,6}?to\s+appear\b"),
    ("REQUEST", "verbal", r"urg(?:e|es|ed|ing)|demand(?:ed|ing)|demands? (?:that|the|an?|their|his|her|its|to)\b|(?:(?<=to )|(?<=to ')|(?<=to ‘))demand\b|call(?:s|ed|ing)? (?:on|for)|appeal(?:s|ed|ing)? (?:to|for)|pleaded|"
                          r"ask(?:s|ed)?(?: formally| officially)? (?:[\w-]+ ){0,4}?(?:for|to activate|to send|to help)|"
                          # "had requested his extradition in 2023", "formally requested talks" (not "requested anonymity",
                          # nor a reporter's "requests for comment")
                          r"(?<!was )(?<!were )request(?:s|ed)\b(?!\s+(?:anonymity|not\b|that\s+(?:his|her|their)\s+name|to\s+remain\b|for\s+comment))|"
                          r"(?:s(?:ought|eeks?|eeking)|ask(?:s|ed|ing)?\s+for)\s+(?:his|her|their|the|its)\s+extradition\b|"
                          r"(?:are|is|am) asking (?:[\w,-]+ ){1,12}?to (?:send|share|come forward|contact|help)\b|"
                          r"(?:are|is|am) asking (?:the |our |all )?(?:[\w-]+ ){1,4}?for (?:[\w-]+ )?(?:things|help|money|aid|"
                          r"support|funds|assistance)\b"),  # "I am asking the federal government for three things"
    # "Union calls the police account a lie", "called the overnight attacks an act of terrorism"
    # "launched a scathing attack on the government" (PLV train: 2 of 2 ACCUSE): words, no violence
    ("ACCUSE", "verbal", _HARSH + r"\s+attacks?\s+on\b|"
                         # (also 'called the breakout "a disgrace"', 'called the detentions "arbitrary and unlawful"',
                         # 'described the police operation as "a cowardly attack"')
                         r"(?:call(?:s|ed|ing)?|describ(?:es|ed|ing))\s+(?:the|its|their|his|her|this|that|it|them)\s+"
                         r"(?:[\w’'-]+\s+){0,4}?(?:as\s+)?[“\"‘']?(?:(?:a|an|the)\s+"
                         r"(?:[\w-]+\s+)?(?:lie|lies|act of terrorism|terrorist act|crime|war crime|massacre|disgrace|"
                         r"betrayal|provocation|violation|farce|sham|travesty|predictable result|coup|fraud|mockery|insult|"
                         r"outrage|scandal|theft|robbery|witch[- ]hunt|charade|whitewash|cover-up|hoax|smear)|"
                         r"(?:(?:a|an)\s+)?(?:illegal|unlawful|"
                         r"unacceptable|arbitrary|cowardly))\b|"
                         r"voic(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,2}?concerns?\s+(?:about|over|at)\b|"  # "voiced grave concerns about"
                         # 'dismissed the reshuffle as "cosmetic"' (not "dismissed the claims as baseless": a denial)
                         r"dismiss(?:es|ed|ing)\s+(?:the|its|their|his|her|this|that)\s+(?!(?:[\w-]+\s+){0,2}?(?:claims?|"
                         r"allegations?|accusations?|reports?|charges|criticism)\b)(?:[\w’'-]+\s+){1,3}?as\s+[“\"‘']?"
                         r"(?:a\s+|an\s+|mere(?:ly)?\s+)?[a-z]+|"
                         # "Kyiv bore responsibility for any civilian casualties", "held the government responsible for"
                         r"(?:bore|bears|bear)\s+(?:full\s+|the\s+|sole\s+)?responsibility\s+for\b|"
                         r"h(?:eld|olds?|olding)\s+(?!no\b)(?:[\w’'-]+\s+){1,5}?(?:fully\s+|solely\s+|directly\s+)?responsible\s+for\b|"
                         r"accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|criticis(?:e|es|ed)|criticiz(?:e|es|ed)|condemn(?:s|ed)?|denounc(?:e|es|ed)|"
                         # "would file complaints with prosecutors", "opened a criminal case" (PLOVER's ACCUSE investigates)
                         r"fil(?:e|es|ed|ing) (?:a |an )?(?:[\w-]+ ){0,2}?(?:complaints?|lawsuits?|charges|suit)|"
                         r"(?:open|launch|order)(?:s|ed|ing)? (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:investigation|inquiry|probe|criminal case)|"
                         # PLV train: "opened fraud investigations against", "joined a criminal investigation", "launched
                         # legal action against", "found Barbarin guilty", "summoned the Russian ambassador" (5 of 6 ACCUSE)
                         r"(?:open|launch|order)(?:s|ed|ing)? (?:[\w-]+ ){0,2}?investigations|"
                         r"join(?:s|ed|ing)? (?:a |an |the )?(?:[\w-]+ ){0,2}?investigation|"
                         r"(?:launch(?:es|ed|ing)?|t(?:ook|akes|aken|aking)|fil(?:es|ed|ing)|br(?:ought|ings|inging))\s+legal\s+"
                         r"action\s+against|(?:found|finds)\s+(?:[\w’'-]+\s+){1,4}?guilty|"
                         r"summon(?:s|ed|ing)?\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:ambassador|envoy|charg[ée] d)"),
    ("REJECT", "vote", _VOTED_DOWN),
    ("REJECT", "verbal", r"reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|vetoe?d?|turned down|"
                         r"turned (?:the|its|their|his|her|this|that) (?:[\w-]+ ){0,2}?(?:offer|proposal|request|plan|bid|"
                         r"demand)s? down|"
                         # "they will not end the strike until ..." (PLV train: 9 of 9 REJECT)
                         r"(?:will|would|shall)\s+not\s+(?:end|call\s+off|stop|suspend|lift)\s+(?:the|their|its|our)\s+"
                         r"(?:[\w-]+\s+)?(?:strike|protest|boycott|blockade|sit-in)|"
                         r"(?:will|would|does|did|do|could)\s+not\s+accept|"
                         # "the money and the transfer were “not on the table”", "the government would not back down"
                         r"(?:is|are|was|were)\s+[“\"‘']?not\s+on\s+the\s+table|(?:will|would|shall)\s+not\s+back\s+down|"
                         # "This decision will not be reversed under pressure from the street"
                         r"(?:will|would|shall)\s+not\s+be\s+(?:reversed|revoked|withdrawn|scrapped|lifted|rescinded)\b|"
                         # "told parliament the government had no plans to reverse the increase", "said it bore no
                         # responsibility for people who had left"
                         r"(?:has|had|have)\s+no\s+plans?\s+to\s+(?:reverse|withdraw|scrap|change|roll\s+back|lift|cancel|drop|"
                         r"resign|step\s+down)\b|(?:bore|bears|bear)\s+no\s+responsibility\b|"
                         r"(?:won’t|won't|wouldn’t|wouldn't)\s+back\s+down|(?:won’t|won't|wouldn’t|wouldn't)\s+accept|ruled out|rules out|"
                         # "Hungary is blocking agreement on a €20bn package", "held up approval of the sanctions" (not
                         # a road blocked)
                         r"(?:block(?:s|ed|ing)?|hold(?:s|ing)?\s+up|held\s+up)\s+(?:an?\s+|the\s+|any\s+|its\s+)?"
                         r"(?:agreement|deal|approval|adoption|resolution|package|sanctions|bill|accession|nomination|"
                         r"appointment|proposal|plan|membership|ratification)\b|"
                         # "would not allow any ransom to be paid", "declined offers of help" (not "declined to comment")
                         r"(?:will|would|won’t|won't|wouldn’t|wouldn't)\s+(?:not\s+)?(?:allow|permit|recogni[sz]e)|"
                         # "France did not recognise the authority of the putschists", "does not recognise ... any cap"
                         r"(?:does|did|do)\s+not\s+recogni[sz]e\b|"
                         # "would not withdraw the reform" (its passive, "will not be withdrawn", above)
                         r"(?:will|would|shall)\s+not\s+(?:withdraw|scrap|reverse|abandon|drop)\s+(?:the|its|their|this|that)\s|"
                         r"declin(?:e|es|ed|ing) (?:the |an |all |its |their )?(?:[\w-]+ ){0,2}?(?:offers?|invitations?|requests?|"
                         r"proposals?|demands?)|"
                         r"den(?:y|ies|ied|ying)(?!\s+(?:access|entry|bail|visas?|permission|a visa|them|him|her)\b)|"
                         # "dismissed the group's account", "has dismissed claims that ..."
                         r"dismiss(?:es|ed|ing)?\s+(?:[\w’'-]+\s+){0,3}?(?:account|accounts|claims?|allegations?|accusations?|"
                         r"reports?|charges|criticism|suggestions?)\b"),
    ("REJECT", "legal", r"challenge(?:s|d)? (?:[\w’'-]+ ){0,3}?(?:in|at|before) (?:the )?(?:[\w’'-]+ ){0,3}?[Cc]ourt|"
                        r"dismiss(?:ed|es)? (?:[\w’'-]+ ){0,3}?(?:challenge|petition|appeal|case|lawsuit|suit|complaint|"
                        r"charges)\b|"
                        r"appeal(?:s|ed)? against"),
    ("SANCTION", "economic", r"(?<!the )(?<!The )(?<!all )(?<!these )(?<!those )sanction(?:s|ed)?|"  # not "called the sanctions illegal"
                             r"embargo(?:es)?|tariffs?|asset freeze|"
                             # "imposed its most sweeping export controls yet on advanced semiconductors"
                             r"(?:impos|introduc|tighten|extend)(?:e|es|ed|ing|s)?\s+(?:[\w’'-]+\s+){0,4}?(?:export|import|trade)\s+"
                             r"(?:controls|restrictions|curbs)\b|"
                             # "India has banned exports of several grades of rice", "an export ban"
                             r"(?:ban(?:s|ned|ning)?|halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?)\s+(?:all\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
                             r"(?:exports|imports)\s+(?:of|from|to)\b|(?:export|import)\s+bans?\b|"
                             r"(?:suspend(?:s|ed|ing)?|cut|cuts|cutting|sever(?:s|ed|ing)?|froze|freez(?:e|es|ing))\s+"
                             r"(?:[\w-]+\s+){0,3}?(?:partnership|cooperation|co-operation|relations|ties|aid|funding|"
                             r"licen[cs]es?|permits?)|revok(?:ed|es|ing)\s+(?:[\w’'-]+\s+){0,3}?(?:licen[cs]es?|permits?)|"
                             r"(?:funds|assets|accounts|payments)\s+(?:[\w-]+\s+){0,2}?(?:were |was |had been |have been |"
                             r"remain |remained )?frozen\b|"
                             # "extended the national ban on Ukrainian wheat"
                             r"(?:extend(?:s|ed|ing)?|impos(?:e|es|ed|ing)|introduc(?:e|es|ed|ing))\s+(?:a\s+|an\s+|the\s+|its\s+|"
                             r"their\s+)?(?:[\w-]+\s+){0,2}?(?:ban|bans|embargo)\s+on\b|"
                             # "was recalling its ambassador from Algiers": relations cut back
                             r"recall(?:s|ed|ing)?\s+(?:its|their|the|his|her)\s+(?:[\w-]+\s+){0,2}?(?:ambassador|envoy|"
                             r"high\s+commissioner|charg[ée] d’affaires|charg[ée] d'affaires)\s+(?:from|in)\b|"
                             # "expelled a Bulgarian diplomat", "expelled all UNSCOM weapons inspectors" (PLV train: 6 of 6)
                             r"expel(?:s|led|ling)?\s+(?:[\w-]+\s+){0,3}?" + _ENVOYS + "|"
                             r"impeach(?:ed|es|ing|ment)?|remov(?:ed|ing|es?)\s+(?:him|her|them|[\w’'-]+\s+){0,3}?from\s+office|"
                             # a medium suspended: "suspended the broadcasts of Voice of America", "suspends TV5Monde's programmes",
                             # "suspended two foreign broadcasters"
                             r"suspend(?:s|ed|ing)?\s+(?:[\w’'-]+\s+){0,3}?(?:broadcasts?|transmissions?|programmes|"
                             r"broadcasters?|(?:media\s+)?outlets?|newspapers?|(?:radio\s+|television\s+|TV\s+)?stations?|channels?|"
                             r"accreditations?)\b|"
                             # "WFP suspends all food distributions", "suspended aid deliveries" (PLV's SANCTION)
                             r"(?:suspend(?:s|ed|ing)?|paus(?:e|es|ed|ing)|halt(?:s|ed|ing)?|stop(?:s|ped|ping)?)\s+"
                             r"(?:all\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:distributions|deliveries|mobile clinics|"
                             r"humanitarian operations|aid operations|relief operations)\b|"
                             # "Gamji Roads suspends work on the road until ...", "NRC suspended staff movements in Marib",
                             # "Harwell suspended mining and processing at Djiriba": a body stops its own work there
                             r"suspend(?:s|ed|ing)?\s+(?:all\s+|its\s+|their\s+)?(?:work|operations|construction|mining|"
                             r"production|activities|staff\s+movements)\s+(?:on|at|in|until|and)\b"),
    ("MOBILIZE", "military", r"mobilis(?:e|ed|ation)|mobiliz(?:e|ed|ation)|deploy(?:s|ed|ing|ment)|(?:(?<=would )|(?<=will ))deploy|"
                             r"reinforcements|troops massed|"  # (not a plan's "an agreement to deploy 800 officers")
                             r"order(?:s|ed)? (?:the )?(?:[\w-]+ ){0,3}?(?:army|armed forces|Armed Forces|troops|military|soldiers|"
                             r"navy|national guard|National Guard)(?: and (?:the )?(?:[\w-]+ ){0,2}?[\w-]+)? to\b|"
                             r"(?:troops|soldiers|forces|police officers|riot police|reservists|units|columns|destroyers?|warships?|frigates?)"
                             r"(?: [\w-]+){0,8}? (?:sent|dispatched|ordered to (?:the|its|their)\b|ordered to(?= (?-i:[A-Z])))|"
                             # "extra officers had been sent to both cities", "dozens of fighters had been sent to border posts"
                             r"(?:officers|policemen|fighters|militiamen|personnel)\s+(?:had|have|has)\s+been\s+(?:sent|dispatched)\s+"
                             r"to\s+(?!(?:the\s+)?hospitals?\b|(?:the\s+)?scene\b)|"
                             # "convoys of troops and armoured vehicles had been arriving", "reinforcements arrived"
                             r"(?:(?:convoys?|columns?)\s+of\s+(?:troops|soldiers|armou?red vehicles|tanks)|reinforcements)"
                             r"(?: [\w-]+){0,6}? (?:arrived|arriving|arrive)\b|"
                             r"scrambl(?:e|es|ed|ing) (?:[\w-]+ ){0,2}?(?:jets|fighters|aircraft|planes|warplanes)|"
                             # "Officers from the Special Police Operations Battalion have surrounded the vehicle"
                             r"(?:(?<=police )|(?<=officers )|(?<=troops )|(?<=soldiers )|(?<=forces )|(?<=commandos ))"
                             r"(?:have |has |had )?(?:surrounded|encircled)\b|"
                             r"(?:(?:police|officers|troops|soldiers|forces|commandos)(?:\s+[\w,-]+){1,8}?\s+)(?:have |has |had )?"
                             r"(?:surrounded|encircled)\b|"
                             # "sent a special unit of investigators from Tegucigalpa to take over the case"
                             r"(?:send|sent|sends|sending|dispatch(?:ed|es)?)\s+(?:[\w,-]+\s+){0,5}?(?:investigators|detectives|"
                             r"police officers|policemen|riot police)\b|"
                             r"(?:investigators|detectives)\s+(?:had|have|has)\s+been\s+(?:sent|dispatched|flown)\b|"
                             r"(?:put|puts|placed|places) (?:[\w-]+ ){0,7}?on (?:high |full )?alert|"
                             # "Armed police and soldiers took up positions at the main junctions"
                             r"(?:took|take|takes|taken|taking) up (?:[\w-]+ )?positions\b|"
                             r"(?:send|sent|sends|sending|dispatch(?:ed|es)?|divert(?:ed|s)?)\s+(?:[\w,-]+\s+){0,6}?"
                             r"(?:destroyers?|warships?|frigates?|corvettes?|submarines?|gunboats?|fighter jets|troops|"
                             r"soldiers|commandos|marines|special forces|peacekeepers|gendarmes|battalions?|brigades?|regiments?|"
                             r"sappers|bomb disposal (?:experts|teams|units)|"
                             r"(?:ranger|infantry|rifle|army|commando|marine|engineer(?:ing)?)\s+(?:companies|units)|engineers|"
                             r"armou?red vehicles|tanks)\b|"
                             # "stepped up patrols", "put units on the highest level of combat readiness", "moved extra
                             # troops and artillery to the area"
                             r"step(?:s|ped|ping)? up (?:[\w-]+ ){0,2}?(?:patrols|security)|"
                             # "has strengthened surveillance and vigilance in preparation for further launches"
                             r"(?:strengthen|heighten|tighten)(?:s|ed|ing)? (?:its |their )?(?:surveillance|vigilance|patrols|"
                             r"readiness|border security)\b|"
                             # "Police launched a manhunt across the capital" (not the video game "Manhunt")
                             r"(?:launch(?:es|ed|ing)?|mount(?:s|ed|ing)?|beg(?:an|un)|start(?:s|ed)|widen(?:s|ed)) "
                             r"(?:a |an |the |its |their )?(?:[\w-]+ ){0,2}?manhunt|manhunt (?:for|across|in)\b|"
                             r"(?:high|highest|full|maximum|heightened) (?:state of |level of )?(?:alert|combat readiness)|"
                             r"mov(?:e|es|ed|ing) (?:[\w-]+ ){0,4}?(?:troops|artillery|tanks|armou?red vehicles|battalions|"
                             r"air[- ]defen[cs]e units)"
                             r" (?:\w+ ){0,4}?to\b"),
    ("RETREAT", "withdrawal", r"withdr(?:ew|aw|awn|awal|awing|aws)\b|pulled out|retreat(?:s|ed)?|"
                              # "hundreds of residents had fled Kompa towards Karimama", "the surviving fighters had
                              # fled north towards the Messalo river", "tens of thousands have fled towards the city"
                              # (not who they are: "supplies to people who had fled to the Golan Heights")
                              r"(?<!who )(?<!who had )(?<!who have )(?<!who has )fle(?:d|e|es|eing)\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:wards)?\s+|on\s+foot\s+)?"
                              r"(?:towards?|into|across|to\s+(?:the|neighbouring|nearby)|(?:their|his|her)\s+homes)\b|"
                              r"(?<!who )(?<!who had )(?<!who have )(?<!who has )fle(?:d|e|es|eing)(?=\s+(?-i:[A-Z]))|"
                              # "the pirates have abandoned the ship", "abandoned their positions"
                              r"abandon(?:s|ed|ing)?\s+(?:the|their|its)\s+(?:ship|vessel|tanker|positions?|bases?|posts?|camps?|"
                              r"checkpoints?)\b|"
                              # "pulls international staff back to Bunia", "relocated non-essential staff"
                              r"(?:pull(?:s|ed|ing)?|mov(?:e|es|ed|ing)|evacuat(?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,3}?staff\s+"
                              r"(?:back|out|away)\b|relocat(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,3}?staff\b"),
    # "Six escapees handed themselves in at two churches", "the gunmen surrendered to the army" (PLOVER's YIELD; not
    # a player's "surrendered two breaks of serve")
    ("RETREAT", "surrender", r"(?:hand(?:s|ed|ing)?|turn(?:s|ed|ing)?|gave|giv(?:e|es|en|ing))\s+(?:themselves|himself|herself)\s+"
                             r"(?:in|up|over)\b|surrender(?:s|ed|ing)?\s+(?:to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:police|army|"
                             r"troops|soldiers|authorities|forces|military)|(?:their|his|her)\s+(?:weapons|arms|guns))\b|"
                             r"(?:(?<=militants )|(?<=rebels )|(?<=fighters )|(?<=gunmen )|(?<=escapees )|(?<=suspects )|"
                             r"(?<=inmates )|(?<=prisoners )|(?<=soldiers )|(?<=troops ))(?:had |have )?surrendered\b"),
    ("CONCEDE", "concession", r"(?:offer(?:s|ed)?|agree(?:s|d)?) to (?:delay|postpone|suspend|drop|scrap|shelve|reconsider)|"
                              # "Brussels dropped its demand that public tenders be opened"
                              r"dropp(?:ed|ing)\s+(?:its|their|his|her|the)\s+(?:[\w-]+\s+)?(?:demands?|objections?|opposition)\b|"
                              # "will postpone the planned fertiliser limits"
                              r"(?:will|would|to|has|have|had)\s+(?:postpone|delay|shelve|scrap)\s+(?:the|its|their)\s+"
                              r"(?:planned|proposed|controversial)\b|conced(?:e|es|ed)|cede[sd]?|apologi[sz](?:e|es|ed)|handed (?:over )?to(?! (?:the )?(?:police|gendarmerie|authorities|prosecutors|investigators)\b)|resign(?:s|ed)?"),
    # "the government would suspend the duty on kerosene": a tax eased for those who protested it (the model,
    # trained on PLV's relations, reads "would" as a threat)
    ("CONCEDE", "tax-relief", r"(?:suspend|scrap|waiv|lower|reduc|halv)(?:e|es|ed|ing|s)?\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
                              r"(?:duty|duties|tax|taxes|levy|levies|VAT)\s+on\b"),
    # "acknowledged that the security services had been warned" (golden articles: 5 of 6 a concession)
    ("CONCEDE", "admission", r"(?:acknowledg(?:es|ed|ing)|admit(?:s|ted|ting))\s+that\b"),
    ("CONCEDE", "release", r"(?:promis|agree|pledg|offer)(?:e|es|ed|ing|s)?\s+to\s+(?:release|free)\b|"  # "promises to release 28"
                           r"(?:hostages|captives|guards)\b[^.;]{0,60}?\b(?:were|was|have\s+been|had\s+been)\s+(?:freed|released)\b|"
                           r"(?:exchanged|swapped|released|freed|handed over)\s+(?:[\w-]+\s+){0,4}?(?:prisoners|captives|"
                           r"detainees|hostages|bodies|prisoners of war|(?:aid |charity |humanitarian )?workers|journalists|"
                           r"activists|students|sailors|seafarers|crew members|crew|nationals|citizens)\b|prisoner (?:swap|exchange)s?|"
                           # "released from detention", "freed on bail", "let free", "announced the release of"
                           r"(?:released|freed)\s+(?:[\w-]+\s+){0,4}?(?:from\s+(?:detention|prison|jail|custody|captivity)|"
                           r"on\s+bail|without\s+charge)\b|let\s+free|(?:announced|welcomed|ordered|secured)\s+the\s+release\s+of|"
                           # "pardoned", "freed a Kyrgyz journalist", "released another 40 opposition politicians" (PLV
                           # train: 15 of 16 YIELD)
                           r"pardon(?:s|ed|ing)\b|(?:released|freed)\s+(?:[\w-]+\s+){0,4}?(?:activist|pastor|journalist|"
                           r"student|employee|prisoner|detainee|hostage|politicians|leaders|opposition figures)\b"),
    # "Soldiers in Mali overthrew an elected president", "younger officers ousted that junta", "staged a coup"
    # (not "their effort to overthrow", "to restore the ousted president", "supporters of ousted president X")
    ("COERCE", "coup", r"(?<!the )(?<!The )(?<!an )(?<!its )(?<!their )(?:overthr(?:ew|own)\b|"
                       r"toppl(?:ed|es|ing)\b|ousted\b)"
                       # (not the title of one deposed long ago: "supporters of ousted president Mohamed Bazoum")
                       r"(?!\s+(?:former\s+)?(?:president|prime\s+minister|premier|leader|ruler|king|government|regime)\b)|"
                       r"stag(?:ed|es|ing)\s+(?:a\s+|another\s+|their\s+)?(?:[\w-]+\s+)?(?:coup|putsch)\b|"
                       r"(?<!the )seiz(?:e|es|ed|ing)\s+power\b"),  # "Niger's army seized power on July 26, 2023"
    ("COERCE", "restriction", r"suspend(?:s|ed|ing)?\s+publication|outlaw(?:s|ed|ing)\b|"  # (PLV train: 8 of 8 COERCE)
                              # "issued orders barring the ministry and the police from taking any step to deploy"
                              r"bar(?:s|red|ring)\s+(?:[\w’'-]+\s+){1,14}?from\s+[“\"]?\w+ing\b|"
                              # "closed the Chong Chom border crossing" (CAMEO 191, restrict movement: COERCE)
                              r"(?:clos(?:e|es|ed|ing)|shut(?:s|ting)?|seal(?:s|ed|ing)?)\s+(?:off\s+)?(?:the\s+|its\s+|all\s+)?"
                              r"(?:[\w-]+\s+){0,3}?(?:border(?:\s+(?:crossings?|posts?|points?))?|crossings?|frontier)\b|"
                              r"(?:border|crossing|frontier)s?\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been|remains?|remained)\s+)?"
                              r"(?:closed|shut|sealed)\b|"
                              # "the highway between Kalat and Khuzdar had been closed to traffic", "mobile internet had been
                              # suspended", "cut mobile data": movement and communication restricted
                              r"(?:highway|road|motorway)s?\s+(?:[\w-]+\s+){0,5}?(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
                              r"closed\s+to\s+traffic\b|"
                              # "ordered the police to close the road to civilian traffic", "closing Malian airspace to all aircraft"
                              r"clos(?:e|es|ed|ing)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:road|highway|motorway|bridge|"
                              r"airspace|airport|port)s?\s+to\s+(?:all\s+|civilian\s+|commercial\s+|foreign\s+)?(?:traffic|vehicles|"
                              r"flights|aircraft|shipping|ships)\b|"
                              r"(?:internet|mobile\s+data|(?:mobile\s+|tele)?phone\s+(?:and\s+internet\s+)?services)\s+"
                              r"(?:[\w-]+\s+){0,4}?(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:suspended|cut|shut\s+down|"
                              r"blocked|restricted)\b|"
                              r"(?:suspend|cut|shut\s+down|block|restrict)(?:s|ed|ing)?\s+(?:off\s+)?(?:the\s+)?(?:mobile\s+)?"
                              r"(?:internet|data)(?:\s+services)?\b|"
                              r"banned\s+(?:[\w’'.-]+\s+){1,6}?from\s+(?:holding|running\s+for)\b|"
                              # "banned motorbike traffic between 7pm and 6am", "a ban on public gatherings"
                              r"(?:ban(?:s|ned|ning)?|ban\s+on)\s+(?:all\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:traffic|movements?|"
                              r"gatherings|protests|demonstrations|rallies|assemblies|meetings)\b|"
                              # "ordered Rheinmark Chemie to stop production across the whole site"
                              r"order(?:s|ed)?\s+(?:[\w’'.-]+\s+){1,5}?to\s+(?:stop|halt|suspend|cease)\s+(?:all\s+|its\s+|their\s+)?"
                              r"(?:production|operations|work|activities|mining|drilling|construction)\b|"
                              # "ordered an extraordinary inspection of the mine and suspended all operations there"
                              r"order(?:s|ed)?\s+(?:[\w’'.-]+\s+){1,8}?and\s+(?:suspend|halt|stop)(?:s|ed|ped)?\s+(?:all\s+)?"
                              r"(?:production|operations|work|activities|mining|drilling|construction)\b|"
                              # "ordered schools in the four compounds to stay closed", "the closure of Soweto and City
                              # markets would remain in force"
                              r"order(?:s|ed)?\s+(?:[\w’'.-]+\s+){1,6}?to\s+(?:stay|remain)\s+(?:closed|shut)\b|"
                              # "has ordered schools closed until Monday", "imposed night-time water rationing"
                              r"order(?:s|ed)?\s+(?:all\s+)?(?:[\w’'.-]+\s+){0,3}?(?:schools|markets|shops|offices|businesses)\s+"
                              r"(?:closed|shut)\b|(?:impos|introduc|extend)(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,3}?rationing\b|"
                              r"closures?\s+of\s+(?:[\w’'.-]+\s+){1,6}?(?:would|will)\s+remain\s+in\s+(?:force|place)\b|"
                              # "had temporarily restricted arrivals and departures at Domodedovo"
                              r"restrict(?:s|ed|ing)\s+(?:[\w-]+\s+){0,3}?(?:flights|arrivals|departures|air\s+traffic)\b|"
                              # "imposed temporary restrictions on flights at Vnukovo"
                              r"impos(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,2}?restrictions\s+on\s+(?:[\w-]+\s+){0,2}?(?:flights|traffic|movement|"
                              r"travel|access|airspace|gatherings|protests|the\s+media|internet)\b|"
                              r"(?:declared|declares|declaring|imposed|imposes|imposing|extended|extends|introduced)\s+"
                              r"(?:a |an |the )?(?:[\w-]+\s+){0,2}?(?:state of (?:emergency|siege|alarm|calamity|disaster)|"
                              r"martial law|"
                              r"crisis situation|national emergency|"
                              r"counter-terrorism (?:operation )?regime)|"
                              r"order(?:ed|s)?\s+(?:the\s+|an?\s+)?(?:mandatory\s+|compulsory\s+|immediate\s+)?evacuation|"
                              r"(?:mandatory|compulsory) evacuations?|evacuation orders?|"
                              r"order(?:ed|s)?\s+(?:all\s+|the\s+)?(?:residents|people|inhabitants|villagers|families|civilians)"
                              r"\b(?:\s+[\w’'-]+){0,3}?\s+(?:to\s+(?:leave|evacuate)|out)\b|were\s+ordered\s+(?:out|to\s+leave)\b|"
                              r"shelter[- ]in[- ]place(?:\s+orders?)?|(?:told|ordered)\s+to\s+shelter\b|curfews?\b"),
    ("CONCEDE", "climb-down", r"(?:dropped|drops|withdrew|withdraws|lifted|lifts) (?:its|their|his|her) "
                              r"(?:objection|veto|opposition)s?|backed down|relented|"
                              # "lifted a centuries-old ban", "reversed a decision", "dropped the investigation"
                              # (PLV train: 14 of 25 "lifted the ban" rows YIELD, the rest a refusal or agreement to)
                              r"(?:lift(?:s|ed|ing)?|eas(?:e|es|ed|ing)|relax(?:es|ed|ing)?)\s+(?:a\s+|an\s+|the\s+|its\s+|"
                              r"their\s+)?(?:[\w-]+\s+){0,3}?(?:ban|bans|restrictions|curbs|embargo|blockade|curfew|suspension|sanctions|"
                              r"martial\s+law|state\s+of\s+emergency)\b|"
                              r"revers(?:e|es|ed|ing)\s+(?:a\s+|the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?"
                              r"(?:decision|ruling|policy|ban)\b|U-turn|"
                              r"dropp(?:ed|ing)\s+(?:the|its|all)\s+(?:[\w-]+\s+){0,2}?(?:investigation|charges|case|probe|"
                              r"lawsuit)\b|"
                              # "called off the two-day old strike", "accepted the key demands" (PLV train: 6 of 7 YIELD)
                              r"call(?:s|ed|ing)?\s+off\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:strike|"
                              r"boycott|protests?|walkout|blockade|sit-in|march|stoppage)\b|"
                              r"accept(?:s|ed|ing)?\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+)?demands\b"),
    ("AID", "aid", r"humanitarian aid|aid|rescued?|evacuat(?:e|ed|ion)|relief|donat(?:e|ed|ion)|"
                   # a search for people lost ("divers began searching the waters", "search the rubble", "the
                   # search for survivors"; not "police searched the offices": golden gold, 13 of 13 such AID)
                   r"search(?:es|ed|ing)?\s+(?:for\s+|through\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:missing|survivors|"
                   r"bodies|victims|rubble|wreckage|river|waters|sea|mud|slope|debris)\b|"
                   r"(?:the|a|their|its)\s+search\s+(?:for\s+(?:the\s+)?(?:[\w-]+\s+)?(?:missing|survivors|bodies|victims)|"
                   r"area|operations?|would|will|continued|continues|resumed)\b|"
                   # "hands out drinking water and hot meals", "pledged 200 million euros"
                   r"(?:hand(?:s|ed|ing)?\s+out|distribut(?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,5}?(?:food|water|meals|blankets|aid|"
                   r"supplies|rations|tents|biscuits|medicines|clothes|hygiene kits|food parcels)\b|"
                   # "has set up three field kitchens and two heated tents", "has put up a tent at the landing",
                   # "set up first-aid posts in six villages", "has opened a reception centre in Reykjanesbær"
                   r"(?:set|sets|setting|put|puts|putting)\s+up\s+(?:[\w-]+\s+){0,3}?(?:kitchens|first-aid posts|"
                   r"medical posts|tents?|reception cent(?:re|er)s?)\b|"
                   # "has opened a treatment centre in Metche", "opened two field hospitals"
                   r"open(?:s|ed|ing)?\s+(?:a|an|two|three|several)\s+(?:[\w-]+\s+){0,2}?(?:(?:reception|evacuation|relief|"
                   r"emergency|rest|treatment|feeding|nutrition|cholera)\s+cent(?:re|er)s?|field\s+hospitals?)\b|"
                   r"releas(?:e|es|ed|ing)\s+(?:[\w,.-]+\s+){0,2}?(?:tonnes|tons)\s+of\s+(?:rice|food|grain|wheat|flour)\b|"
                   r"pledg(?:e|es|ed|ing)\s+(?:[\w,.-]+\s+){0,3}?(?:euros|dollars|pounds)\b|"
                   r"pledg(?:e|es|ed|ing)\s+(?:[\w,.-]+\s+){0,2}?[$€£₹]\s?\d[\d,.]*|"
                   # "offered two aircraft", "flew 14 surgeons and medical equipment to ...", "released $4 million
                   # from its emergency fund", "set up water points and a field clinic", "lifted 340 people out of
                   # the water", "searched through the night for survivors"
                   r"(?:pulled|lifted|plucked|winched)\s+(?:[\w,-]+\s+){0,5}?(?:out of|from)\s+the\s+(?:water|rubble|ruins|"
                   r"debris|sea|river|lake|mud|floodwaters?)\b|"
                   r"search(?:ed|ing|es)? (?:[\w-]+ ){0,3}?for (?:survivors|the missing|missing people)\b|"
                   # "were airlifted to a hospital in Djibouti by a French navy helicopter", "flown to hospital"
                   r"(?:airlift(?:s|ed|ing)?|medevac(?:ed|ked)?|flown|evacuated)\s+to\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?"
                   r"(?:hospitals?|clinics?)\b|"
                   # "we have moved 1,140 people out of 14 villages", "evacuated about 300 residents from the coast"
                   r"(?:moved|relocated|evacuated|brought|taken|took)\s+(?:(?:more than|over|about|some|nearly|almost)\s+)?"
                   r"(?:\d[\d,]*|hundreds|thousands|dozens)\s+(?:of\s+)?(?:[\w-]+\s+)?(?:people|residents|civilians|villagers|families|"
                   r"children|inhabitants|patients)\s+(?:out\s+of|from)\b|"
                   # "300 families have been moved into schools", "moved to schools, churches and other evacuation centres"
                   r"(?:moved|taken|relocated|housed)\s+(?:in|into|to)\s+(?:[\w-]+\s+){0,2}?(?:schools|shelters|tents|camps|"
                   r"churches|mosques|evacuation cent(?:res|ers)|sports halls?|gyms)\b|"
                   r"offer(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,3}?(?:aircraft|planes|helicopters|water bombers|rescue teams|"
                   r"rescuers|field hospitals?)\b|"
                   # "launched an oral cholera vaccination campaign"
                   r"(?:launch(?:es|ed|ing)?|start(?:s|ed|ing)?|beg(?:an|un|ins)|roll(?:s|ed|ing)?\s+out)\s+(?:an?\s+|the\s+|its\s+)?"
                   r"(?:[\w-]+\s+){0,3}?(?:vaccination|immuni[sz]ation)\s+(?:campaign|drive|programme|program)\b|"
                   r"(?:fl(?:ew|y|ies|own)|sen[dt]s?|dispatch(?:ed|es)?)\s+(?:[\w,-]+\s+){0,6}?(?:doctors|surgeons|medics|epidemiologists|"
                   r"mobile (?:health|medical) units|mobile clinics|ambulances|water tankers|tanker trucks|water trucks|"
                   r"rescuers|rescue teams|medical (?:teams|supplies|equipment)|vaccines?|doses)\b|"
                   # "More than 200 rescuers ... have been sent to the site", "a plane carrying 14 surgeons"
                   r"(?:rescuers|rescue (?:teams|workers)|firefighters|medics|doctors|surgeons|medical teams)(?: [\w-]+){0,8}? "
                   r"(?:sent|dispatched|flown in)|(?:plane|aircraft|flight|helicopter) carrying (?:[\w-]+ ){0,3}?"
                   r"(?:surgeons|doctors|medics|aid|supplies|medical)|"
                   r"releas(?:e|es|ed|ing)\s+(?:[\w,.-]+\s+){0,3}?[$€£₹]\s?\d[\d,.]*|"
                   # "would release 6 billion pesos (about $6.4m) in emergency funds"
                   r"releas(?:e|es|ed|ing)\s+(?:[\w,.$€£₹()-]+\s+){1,8}?(?:in|of|from\s+(?:its|the))\s+(?:emergency|relief|disaster)\s+"
                   r"(?:funds?|aid|money)\b|"
                   r"set(?:s|ting)? up (?:[\w-]+ ){0,3}?(?:water points|field clinics?|field hospitals?|shelters|"
                   r"soup kitchens|evacuation cent(?:re|er)s|relief camps)\b|"
                   r"(?:announced|pledged|promised|offered|pay|paid) (?:a |an )?(?:[\w-]+ ){0,2}?(?:payments?|compensation|grants?)\b|"
                   r"(?:give|gives|gave|pay|pays|paid|provide|provides|provided)\s+(?:[\w,.$€£₹-]+\s+){1,6}?"
                   r"(?:rupees|dollars|euros|pounds|shillings|naira|rand|pesos|lakh|crore|taka|tenge|roubles|rubles|"
                   r"hryvnias?|yuan|yen|rupiah|ringgit|dirhams|riyals|lira|dinars|francs|kwacha|cedis|birr|soms?|lei|"
                   r"zlotys?|forints?|koruna|leva|soles|reais|bolivianos|quetzales|lempiras|kyats?|afghanis|manat|lari|drams?)\b|"
                   # "would cover the funeral costs", "will pay for the funerals", "a support package of 100 million euros"
                   r"(?:cover|covers|covered|meet|bear|pay for|pays for|paid for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                   r"(?:funeral|medical|hospital|treatment)\s+(?:costs|bills|expenses)|"
                   r"pa(?:y|ys|id)\s+(?:for\s+)?(?:the\s+)?(?:funerals?|burials?|hospital bills|medical bills|treatment)\b|"
                   # "would pay for psychological support for all 14 passengers", "set up a fund for the children"
                   r"pa(?:y|ys|id)\s+for\s+(?:[\w-]+\s+){0,2}?(?:support|counsell?ing|care|repatriation|education|"
                   r"schooling|reconstruction|rebuilding)\b|"
                   r"set(?:s|ting)?\s+up\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?fund\s+for\b|"
                   r"(?:support|aid|relief|assistance|compensation) package|"
                   r"provid(?:e|es|ed|ing)\s+(?:[\w,-]+\s+){0,3}?(?:housing|shelter|food|medical care|"
                   r"financial (?:help|assistance|aid)|assistance)\b|"
                   r"(?:give|gives|gave|pay|pays|paid|provide|provides|provided)\s+(?:[\w,.-]+\s+){0,4}?[$€£₹]\s?\d[\d,.]*|"
                   # "would pay Tk 500,000 to the family of each person killed" (a currency written before the sum)
                   r"(?:give|gives|gave|pay|pays|paid|provide|provides|provided)\s+(?:[\w,.-]+\s+){0,3}?"
                   r"(?:Tk|Rs\.?|KSh|Ksh|MK|ZK|GH₵|Rp|RM|₦|₱|₵)\s?\d[\d,.]*\d|"
                   r"(?:put|set|sets|puts|setting|putting)\s+up\s+(?:[\w-]+\s+){0,2}?(?:tents|shelters|camps|field hospitals?)\b|"
                   r"(?:send|sent|sends|sending|dispatched|flew in|deliver(?:s|ed|ing)?|suppl(?:y|ies|ied))\s+"
                   r"(?:[\w,-]+\s+){0,10}?(?:aircraft|planes?|helicopters?|ships|boats|vessels|"
                   r"firefighters|rescuers|rescue teams|medical teams|medics|doctors|supplies|tents|food|pumps|"
                   r"generators|experts|weapons|arms|ammunition|air[- ]defen[cs]e|interceptors|batteries|tanks)"),
    ("AGREE", "agreement", r"agree[sd]? (?:to|on)|accord|treaty|peace deal|"
                           # "signed a memorandum", "the deal was signed" (not "the decree was signed", "signed into law")
                           r"signed(?=\s[^.;]{0,60}?\b" + _PACTS + r")|" + _PACTS + r"\s+(?:was|were|has\s+been|had\s+been|"
                           r"have\s+been|is|are|will\s+be|would\s+be)\s+signed|"
                           # "security chiefs agree ceasefire", "agreed a truce by telephone", "the ceasefire was agreed"
                           r"agree[sd]?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:ceasefire|truce|deal|pact|settlement|"
                           r"roadmap|framework)\b|(?:ceasefire|truce|deal|pact)\s+(?:was|were|had\s+been|has\s+been)\s+agreed\b|"
                           r"accept(?:s|ed|ing)? (?:[\w-]+ ){0,4}?(?:offers?|proposals?|deal|terms|plan|invitation|help|aid|"
                           r"teams|assistance|ceasefire|truce)\b|"
                           r"lay\s+down\s+(?:their|its|his|her)\s+(?:weapons|arms)\b|"  # (PLV train: 4 of 4 AGREE)
                           # "The Security Council voted on Tuesday to authorize a new force", "approved an overhaul of EU
                           # asylum rules": a body's vote for a text
                           r"voted\s+(?:[\w-]+\s+){0,3}?to\s+(?:authori[sz]e|approve|adopt|extend|ratify|endorse|renew)\b|"
                           r"(?:approv|ratifi)(?:ed|es|e|y|ing)\s+(?:the|a|an|its)\s+(?:[\w.’'-]+\s+){0,3}?"
                           r"(?:resolution|bill|law|pact|package|overhaul|budget|treaty|text|reform|declaration|accord)s?\b|"
                           # "is willing to provide support", "is ready to contribute troops" (PLV train: 7 of 9 AGREE)
                           r"(?:is|are|was|were)\s+(?:willing|ready|prepared)\s+to\s+(?:provide|contribute|send|help|offer|"
                           r"supply)\b"),
    # "Greece and Azerbaijan send condolences", "offered his deepest condolences to the families" (words, though "sent")
    ("SUPPORT", "condolences", r"(?:sen[dt]s?|sending|offer(?:s|ed|ing)?|express(?:es|ed|ing)?|extend(?:s|ed|ing)?|"
                               r"convey(?:s|ed|ing)?)\s+(?:(?:his|her|their|its|our|my|deep|deepest|sincere|heartfelt)\s+)*"
                               r"condolences\b|"
                               # "declared three days of national mourning", "Wednesday will be an official day of mourning"
                               r"days?\s+of\s+(?:(?:national|official|state|provincial|regional|city-wide|citywide)\s+)?mourning\b"),
    ("SUPPORT", "verbal", r"prais(?:e|es|ed)|endors(?:e|es|ed)|(?<!-)back(?:s|ed)|welcom(?:es|ed)|solidarity|"
                          r"st(?:and|ands|ood) (?:firmly |fully )?behind|"
                          r"(?:express(?:es|ed)?|pledg(?:es|ed)|voic(?:es|ed)|reaffirm(?:s|ed)?|offer(?:s|ed)?)\s+"
                          r"(?:(?:its|their|his|her|full|strong|unwavering)\s+){0,2}support\b|continue\s+to\s+support|"
                          # "the United States stands with its ally", "thanked India and the EU force for the operation"
                          r"(?:stands|stood)\s+(?:firmly\s+|resolutely\s+|fully\s+)?(?:shoulder to shoulder\s+)?with\s+"
                          r"(?:its|their|our)\s+(?:[\w-]+\s+)?(?:ally|allies|partners?|friends?|people)\b|"
                          r"thank(?:s|ed)\s+(?:[\w’'-]+\s+){1,6}?for\b|"
                          # PLV train: "established diplomatic ties" (5 of 5 SUPPORT), "defended Germany's decision" (5 of
                          # 5), "declared its support"
                          r"establish(?:es|ed|ing)?\s+(?:full\s+)?diplomatic\s+(?:ties|relations)|"
                          r"defend(?:s|ed|ing)?\s+(?:the\s+|his\s+|her\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,4}?"
                          r"(?:decision|actions?|policy|record|judges|judiciary|courts?|verdict|ruling|government|move)\b|"
                          r"declar(?:e|es|ed|ing)\s+(?:its|their|his|her)\s+(?:full\s+)?support\b|"
                          # "pledged his country's full support", "promised Washington's support", "UNHCR supports the
                          # plans" (PLV train: 5 of 5 and 3 of 3 SUPPORT)
                          r"(?:pledg|promis|express|offer)(?:es|ed)\s+(?:[\w’'-]+\s+){0,3}?support\b|"
                          # help promised: "promised me that an additional air defence battery would be deployed"
                          r"(?:pledg|promis)(?:es|ed)\s+(?:(?:me|us|him|her|them|[A-Z][\w’'-]*)\s+)?that\s+[^.;]{0,80}?"
                          r"(?:would|will)\s+be\s+(?:sent|deployed|delivered|provided|supplied)\b|"
                          r"support(?:s|ed)\s+(?:the|its|their|his|her|our)\b"),
    ("CONSULT", "meeting", r"talks|meeting|(?<!been )(?<!were )(?<!was )met|meets|(?:to|will|would|plans to|due to)\s+meet|visits?|visited|summit|"
                           r"press conference|joint news conference|discussions|negotiat(?:e|ions|ing)|phone call|consultations|"
                           # (PLV train: 9 of 10 "discuss" sentences CONSULT; not who "was not authorised to discuss")
                           r"(?<!authorised to )(?<!authorized to )(?<!anonymity to )discuss(?:es|ed|ing)?"),
    ("CONSULT", "mediation", r"mediat(?:e|ed|es|ing|ion|ors?)"),
    # "Police negotiators have spoken to the hijacker by telephone", "spoke by telephone to his Lebanese
    # counterpart": a contact in so many words (the model, trained on PLV's relations, reads the rest of the sentence)
    ("CONSULT", "call", r"negotiators?\s+(?:[\w’'-]+\s+){0,3}?(?:spoke|spoken|talk(?:s|ed)?|in\s+contact)\b|"
                        r"(?:spoke|spoken|speaks|talked)\s+(?:by\s+(?:tele)?phone\s+)?(?:to|with)\s+(?:his|her|their|its)\s+"
                        r"(?:[\w-]+\s+){0,2}?counterparts?\b|"
                        r"(?:spoke|spoken|speaks|talked|talks)\s+(?:to|with)\s+(?:[\w’'-]+\s+){1,5}?by\s+(?:tele)?phone\b"),
    ("COOPERATE", "cooperation", r"cooperat(?:e|ion|ed)|co-operat(?:e|ion)|partnership|(?:fought|fight(?:s|ing)?)\s+alongside\b|"
                                 # "US and Western allies launch war games", "joint military exercises"
                                 r"joint\s+(?:[\w-]+\s+){0,2}?(?:war\s+games|exercises?|drills|patrols)|war\s+games|"
                                 # an alliance formed (not "the Fishermen's Alliance", a body's name)
                                 r"(?:form|forge|formed|forged|join|joined|seal|sealed) (?:an? |the |their |its )?(?:[\w-]+ ){0,2}?alliance|"
                                 r"joint (?:patrols?|operations?|investigations?|military exercises|task force)"),
]
# all rows in one scan (group ``t<row>`` names the row), each word trying only the rows its first letter allows
_ANY_TRIGGER = Alternation([p for _, _, p in _TRIGGERS])
# (type, mode, pattern): the finer modes a sentence's words give an event of that type, most specific
# first; they pick the row of the ACLED crosswalk (extract/acled.py)
_MODE_WORDS: list[tuple[str, str, re.Pattern[str]]] = [(k, m, re.compile(rf"\b(?:{p})\b", re.IGNORECASE)) for k, m, p in [
    ("ASSAULT", "suicide", r"suicide (?:bomb(?:er|ers|ing|ings)?|attacks?|car bombs?|vests?)"),
    ("ASSAULT", "explosive", r"IEDs?|VBIEDs?|improvised explosive|land ?mines?|anti-(?:personnel|tank) mines?|roadside bombs?|"
                             r"car bombs?|explosive devices?|(?:bomb|mine) (?:exploded|went off|blast)"),
    ("ASSAULT", "grenade", r"grenades?"),
    ("ASSAULT", "chemical", r"chemical (?:weapons?|attacks?)|sarin|chlorine gas"),
    ("ASSAULT", "shelling", r"shell(?:ed|ing|s)|artillery|missiles?|rockets?|mortars?|MLRS|howitzers?"),
    ("ASSAULT", "drone", r"drones?|UAVs?|unmanned aerial"),
    ("ASSAULT", "aerial", r"air ?strikes?|airstrikes?|air raids?|warplanes?|fighter jets?|aircraft|bombers?"),
    ("ASSAULT", "clash", r"clash(?:ed|es)?|fighting|fought|exchanged? fire|trad(?:e|es|ed|ing) fire|exchanges? of fire|gun ?battles?|"
                         r"armed confrontations?|skirmish(?:ed|es)?|offensives?|repulsed|assault operations?"),
    ("ASSAULT", "abduction", r"abduct(?:ed|ion|ions|s)?|kidnapp?(?:ed|ing|ings)|taken hostage|took (?:[\w-]+ ){1,4}?hostage|"
                             r"hijack(?:ed|ing|s)?|(?:held|holding|hold|holds) (?:[\w-]+ ){1,4}?(?:hostage|at (?:gun|knife)point)"),
    ("ASSAULT", "sexual", r"rap(?:e|ed|ing)|gang-raped|sexual(?:ly)? (?:assault(?:ed)?|abused?|violence)"),
    ("ASSAULT", "mob", r"mobs?|lynch(?:ed|ing)?|vigilantes?"),
    ("PROTEST", "excessive-force", r"(?:opened fire on|shot (?:at|dead)|fired (?:live (?:rounds|ammunition) )?(?:at|on)|killed) "
                                   r"(?:the |a |two |several )?(?:protesters|demonstrators)|live (?:ammunition|rounds|bullets)"),
    ("PROTEST", "riot", r"riot(?:s|ed|ers|ing)?|violent(?:ly)? (?:protests?|demonstrations?|demonstrators)|"
                        r"threw (?:stones|rocks|petrol bombs|molotov cocktails)|pelted|torched|vandali[sz]ed|"
                        r"clashed with (?:the )?(?:police|security forces|riot police)"),
    ("PROTEST", "intervention", r"dispers(?:e|ed|ing)|tear ?gas|water cannons?|rubber bullets|broke up|police intervened|"
                                r"(?:arrested|detained) (?:\w+ )?(?:protesters|demonstrators|participants)"),
    ("COERCE", "destruction", r"loot(?:ed|ing)|demolish(?:ed)?|vandali[sz]ed|" + _ARSON),
]]


_WORDS_ATTACK = re.compile(rf"\b{_HARSH}\s+$", re.IGNORECASE)
_STATE_SEIZER = re.compile(r"\b(?:navy|coast\s?guard|authorities|police|customs|officials|inspectors)(?:['’]s?)?\s+"
                           r"(?:has\s+|have\s+|had\s+)?$", re.IGNORECASE)
_VESSEL = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:trawlers?|vessels?|ships?|boats?|tankers?)\b")


_MET_BEFORE = re.compile(r"\b(?:the|this|that|these|those)\s+$", re.IGNORECASE)


def _first_triggers(chunk: str, names: Sequence[tuple[int, int]] = (), pos: int = 0) -> list[tuple[int, re.Match[str]]]:
    """The first match of each trigger row in one scan, in row order (earlier rows win a kind); a bare
    "killed" gives way to its row's act word ("23 killed in herder-farmer clashes": the clashes), but
    not to one met before ("killed in the fighting": the toll of the fighting reported). No capitalised
    word inside a longer organisation's name (``names``, offsets in ``chunk``) is a trigger: "eThekwini Fire and
    Emergency Services said" reports no fire."""
    first: dict[int, re.Match[str]] = {}
    for m in _ANY_TRIGGER.finditer(chunk, pos):
        if m.group(0)[:1].isupper() and any(a <= m.start() and m.end() <= b and b - a > m.end() - m.start()
                                            for a, b in names):
            continue
        row = int(m.lastgroup[1:]) if m.lastgroup else -1
        month = _IS_MONTH.match(chunk, m.start()) or (m.group(0) in ("March", "May") and m.start() > 0)
        if row >= 0 and not month and (row not in first or _CASUALTY_ONLY.match(first[row].group(0))
                                       and not _CASUALTY_ONLY.match(m.group(0))
                                       and not _MET_BEFORE.search(chunk, max(0, m.start() - 8), m.start())):
            first[row] = m
    return sorted(first.items())


def _incident(text: str) -> str:
    """ASSAULT, or DISASTER for a text that names a disaster and no attack: the type of a toll that
    no incident word of its own or earlier in the text explains (scanned only then: it reads the
    whole text)."""
    kinds = {_TRIGGERS[row][0] for row, m in _first_triggers(text) if not _CASUALTY_ONLY.match(m.group(0))}
    if _DISEASE.search(text):  # "... 1,200 confirmed cases, and 23 children have died" in a story of measles
        kinds.add("DISASTER")
    return "DISASTER" if "DISASTER" in kinds and "ASSAULT" not in kinds else "ASSAULT"


# a disease that kills: "Cholera kills 61", "A cholera outbreak ... has killed 61 people" (no trigger of its own:
# aid is sent to fight outbreaks)
_CASES = re.compile(r"\b(?:suspected|confirmed)\s+cases\b|\binfections\b", re.IGNORECASE)
_DISEASE = re.compile(r"\b(?:cholera|ebola|measles|dengue|mpox|diphtheria|malaria|outbreaks?|epidemics?)\b", re.IGNORECASE)


def rule_type(sentence: str) -> str | None:
    """The PLOVER type the trigger rules give one sentence (the first row that fires), or None."""
    for row, m in _first_triggers(sentence):
        if not _CASUALTY_ONLY.match(m.group(0)):
            return _TRIGGERS[row][0]
    return None


_LABOUR = re.compile(r"\b(?:workers|union|unions|staff|employees|pay|wages?|picket|dockers|dockworkers|nurses|"
                     r"teachers|drivers|employers|walkout|industrial)\b", re.IGNORECASE)
_IS_MONTH = re.compile(r"(?:March|May)\b(?:\s+\d|,?\s+(?:19|20)\d\d)")
_VERBAL = frozenset({"THREATEN", "REQUEST", "ACCUSE", "REJECT", "AGREE", "SUPPORT", "CONCEDE"})
_SAID = _VERBAL | {"CONSULT"}  # PLOVER's verbal categories; the rest are acts
# "urged the government to publish", "called on the ministry to suspend", "appealed for tents": a request by its form
_ASKED_TO = re.compile(r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)? on|ask(?:s|ed|ing)?|appeal(?:s|ed|ing)? to|press(?:es|ed)?)\s+"
                       r"(?:[\w’'.-]+\s+){1,6}?to\s+[a-z]+"
                       r"|\b(?:appeal(?:s|ed|ing)?|call(?:s|ed|ing)?|ask(?:s|ed|ing)?|plead(?:s|ed|ing)?)\s+for\b",
                       re.IGNORECASE)  # ... or "appealed for tents"
_AT = r"near|outside|at|inside|into|towards?|from|around|opposite"  # where, before a place
_INSTITUTION = re.compile(rf"\b(?:a|an|the)\s+((?:(?!(?:{_AT}|in|of|before|said|says|told|added)\s)"
                          r"[\w-]+\s+){0,2}(?:court|tribunal|judge|police|prosecutors?|army|navy|coast ?guard|gendarmerie|"
                          r"military|government|parliament|regime))\b"
                          # "Polish police detained ...": a nation's force, no article
                          r"|\b(?-i:[A-Z][a-z]+(?:ian|ish|ese|an|ch|i))\s+(police|army|navy|coast ?guard|gendarmerie|military)\b",
                          re.IGNORECASE)
_AT_PLACE = re.compile(rf"\b(?:{_AT}|in front of)\s+$", re.IGNORECASE)
_TO = re.compile(r"\bto\s+(?:the\s+)?$")
_MEDIUM = re.compile(r"\b(?:said|says|wrote|writes|posted|posts|announced|added|adds|told|tells)\s+(?:(?:on|via|in a post on)\s+|"
                     r"(?:the\s+)?(?:broadcaster|newspaper|channel|radio station|news agency|agency|website)\s+)$")
_BY_WHAT = re.compile(r"\bby\s+$")


def _only_toll(chunk: str, m: re.Match[str]) -> bool:
    """Whether an incident's trigger word only tells a toll: a bare "killed", or how wounds came ("were wounded,
    many of them by gunfire"), no incident of its own."""
    return bool(_CASUALTY_ONLY.match(m.group(0))
                or _BY_WHAT.search(chunk, max(0, m.start() - 4), m.start()) and _HARM.search(chunk, 0, m.start()))
_COVERAGE_OF = re.compile(r"\b(?:coverage|reporting)\s+of\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_COVERAGE = re.compile(r"s?\s+(?:coverage|reporting)\b", re.IGNORECASE)
_TOLD = re.compile(r"\b(?:told|tells)\s+$")  # "..., security sources told AFP": who heard of an attack is not in it
_COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"  # "west", "north-western", "southern"
_PLACE_PREP = re.compile(r"\b(?:in|on|at|near|into|across|outside|over|around|to|through|in front of|(?:outskirts|suburbs) of|"
                         rf"{_COMPASS}\s+of)\s+(?:the\s+)?(?:(?:central|downtown|greater|old|{_COMPASS})\s+)?$",
                         re.IGNORECASE)  # "in central Lima", "in north-western Nigeria"
# an unnamed group as the doer, just before the trigger ("farmers protested", "hundreds of workers marched")
_CROWD_WORDS = (r"farmers|workers|students|residents|protesters|protestors|demonstrators|teachers|doctors|nurses|"
                r"villagers|traders|vendors|activists|supporters|employees|drivers|miners|lawyers|women|youths?|fishermen|"
                r"civilians|militants|gunmen|rebels|soldiers|troops|forces|police|officers|settlers|pensioners|journalists|"
                r"unions?|mob|crowds?|people|campaigners|locals|relatives|families|parents|citizens|inhabitants|victims|"
                r"motorists|truckers|transporters|shopkeepers|merchants|retirees|veterans|mothers|members|assailants|"
                r"attackers|perpetrators|bandits|armed (?:men|individuals|persons)|robbers|kidnappers|hijackers|pirates|"
                r"hijacker|gunman|kidnapper|attacker|assailant|robber|"  # ("The hijacker has asked to speak to his mother")
                r"inmates|prisoners|gangs?|gang members|smugglers|fighters|insurgents|jihadists|militiamen|herders|herdsmen|"
                r"pastoralists|nomads|escapees|hostages|detainees|migrants|refugees")
_CROWD = f"(?:{_CROWD_WORDS})"
_GROUP = re.compile(rf"(?<![\d,.])\b((?:(?:hundreds|thousands|dozens|scores) of\s+)?"  # not "7,[000 people]"
                    rf"(?:(?!(?:blam|accus|condemn|say|said|warn|urg|tell|told|ask|call)\w*\s|(?:after|before|as|when|while|since|because|until)\s)"
                    rf"[\w-]+\s+)?{_CROWD})"
                    rf"\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)  # not "Army [blames rebels] for shelling"
# a protest's doers named anywhere before it in the sentence ("relatives of the missing ... staged a
# demonstration"), or by the trigger itself ("500 protesters gathered")
_PROTEST_CROWD = re.compile(rf"\b((?:(?:hundreds|thousands|dozens|scores) of\s+)?{_CROWD})\b", re.IGNORECASE)
_CROWD_TRIGGER = re.compile(r"(?:protest|demonstrat|riot)(?:ers|ors)", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|did not|didn’t|didn't|denied)\s+(?:\w+\s+)?$", re.IGNORECASE)
# a modal or condition, or a plan or promise, just before the trigger (in its clause)
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|may|if|unless|whether|should)\s+(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)
# what keeps happening, not one incident: "have kidnapped hundreds of schoolchildren since 2020", "Attacks
# on schools have kept a million children out of classrooms" (not "the deadliest attack since 2019")
_HABITUAL_SPAN = re.compile(r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d\b|\bfor\s+(?:years|decades)\b|"
                            r"\bin\s+recent\s+(?:years|months)\b|\bover\s+the\s+(?:past|last)\s+(?:few\s+|several\s+|"
                            r"\w+\s+)?(?:years|decades|months)\b|\bevery\s+(?:year|month|week)\b", re.IGNORECASE)
# in any tense: "were killed in police operations between 2016 and 2022", "Floods kill scores in most years",
# "1,400 people had died on the route so far this year"
_YEARS_SPAN = re.compile(r"\b(?:between|from)\s+(?:19|20)\d\d\s+(?:and|to|until)\s+(?:19|20)\d\d\b"
                         r"|\b(?:in\s+)?(?:most|every|each)\s+(?:year|month|week|summer|winter|monsoon|season)s?\b"
                         r"|\bso\s+far\s+this\s+(?:year|month)\b|\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year\b",
                         re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;.]")
_PERFECT = re.compile(r"\b(?:have|has)\s+(?:been\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)
_GENERIC = re.compile(r"(?:Attacks|Strikes|Raids|Kidnappings|Abductions|Bombings|Killings|Floods|Fires|Protests|Clashes)"
                      r"\s+(?:on|in|against|by|across)\s+(?:[\w’'-]+\s+){1,4}?(?:have|has|are|keep|kept)\b")
_FUTURE = re.compile(r"\b(?:will|shall|won’t|won't|going to|plans? to|planning to|intends? to|expected to|set to|"
                     r"scheduled to|due to|prepar(?:es|ing) to|threaten(?:s|ed|ing)? to|vow(?:s|ed)? to|"
                     r"promis(?:e|es|ed) to|announced plans to|" + _WARNED +
                     r")\s*(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)
_KILLED = re.compile(r"\b(killed|dead|died|deaths?|lost their lives|fatalities|death toll)\b", re.IGNORECASE)
_INJURED = re.compile(r"\b(injured|wounded|wounds|hurt|injuries|hospitalised|hospitalized|stabbed|shot|"
                      r"treated in hospital|taken to hospital)\b", re.IGNORECASE)
_ONE_AND = re.compile(r"\b(killing|injuring|wounding)\s+(?:the|a|an|one|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?and\s+$",
                      re.IGNORECASE)
# (also the verb's past: "a drone strike ... that killed six patients and injured 14 other people")
_COUNT_VERB = re.compile(r"\b(killing|injuring|wounding|killed|injured|wounded|kills|kill)\s+(?:at least\s+|another\s+|more than\s+)?$",
                         re.IGNORECASE)
_NOBODY = re.compile(r"\b(?:nobody|no one|no-one|none|no\s+(?:member|one)\s+of\s+the\s+(?:crew|team|family|group)|"
                     r"no\s+(?:crew\s+member|passenger|resident|civilian))\s+(?:was|were|has been|had been)\s+(killed|injured|hurt|wounded)"
                     r"(?:\s+(?:or|nor)\s+(injured|hurt|wounded))?|"  # "No one was killed or injured": neither
                     r"\bno\s+(deaths|fatalities|injuries)\s+(?:were|have been|had been)\s+reported|"
                     r"\bthere\s+were\s+no\s+(deaths|fatalities|injuries)\b|"
                     # (no group: nobody killed) "Everyone on board got out alive", "all 78 passengers survived"
                     r"\b(?:everyone|everybody|all\s+(?:\d[\d,]*\s+)?(?:people|passengers|those)?)\s*(?:on board\s+|aboard\s+)?"
                     r"(?:got out alive|survived|escaped alive)", re.IGNORECASE)
_AND = re.compile(r"\s*(?:,|,?\s+and)\s+")
_DIGIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
# a count in words, "Fifty-seven" whole (not its "seven")
_SMALL_WORDS = (rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:{_DIGIT_WORDS}))?|"
                rf"(?<!-)(?:{_DIGIT_WORDS}|ten|eleven|twelve))")
_SMALL = (_SMALL_WORDS +
          r"(?=\s+(?:people|persons|civilians|others|more|and|of)\b|\s*[,.;])")  # "killing two people and injuring nine,"
_STATE_NEXT = re.compile(r"(?:(?:more|fewer|less)\s+than\s+|at\s+least\s+|about\s+|some\s+|nearly\s+|almost\s+|over\s+)?"
                         r"\S+\s+(dead|wounded|injured)\s", re.IGNORECASE)
_MORE_OF = re.compile(r"\b(?:more|other|another|further|additional)\b", re.IGNORECASE)
# a count over a period, not an incident's: "4,458 people were killed on the country's roads last year"
_STATISTIC = re.compile(r"\b(?:(?:last|each|every|per|a)\s+year|the\s+year\s+before|annually)\b",
                        re.IGNORECASE)
_LAST_OF = re.compile(r"\b(?:last|final|remaining|more|other|another|further|additional)\s+$", re.IGNORECASE)
_TOLL = re.compile(
    r"\b(?:death toll|toll|number of (?:people )?(?:confirmed |reported )?(?:killed|dead|deaths|fatalities))\b[^.;]{0,50}?\b(?:to|at)\s+"
    # (a number: "killed at Kadjugi has risen to 27" is 27)
    r"(?:at least\s+)?(\d[\d,]*|" + _SMALL_WORDS + r"|(?:thir|four|fif|six|seven|eigh|nine)teen)\b"
    r"|\b(?:killing|killed|kills|shooting dead|shot dead)\s+(?:at least\s+)?(\d[\d,]*|" + _SMALL + r")\b(?!-)"  # not "killing 19-year-old X"
    # the dead counted by their bodies: "recovered the bodies of five miners", "Five bodies recovered"
    r"|\b(?:recover(?:ed|s)?|found|retrieved|pulled)\s+(?:out\s+)?the\s+bodies\s+of\s+(?:at least\s+)?(\d[\d,]*|" + _SMALL_WORDS + r")\b"
    r"|\b(\d[\d,]*|" + _SMALL_WORDS + r")\s+bodies\s+(?:have\s+been\s+|had\s+been\s+|were\s+)?(?:recovered|found|retrieved|pulled)\b"
    # everyone counted: "confirming that all 72 were killed", "killing all 72 people on board"
    r"|\ball\s+(\d[\d,]*|" + _SMALL_WORDS + r")\s+(?:[a-z]+\s+){0,3}?(?:were|have\s+been|had\s+been)\s+killed\b"
    r"|\ball\s+(\d[\d,]*|" + _SMALL_WORDS + r")\s+(?:[a-z]+\s+){0,3}?(?:died|perished)\b"
    r"|\bkill(?:ing|ed)\s+all\s+(\d[\d,]*|" + _SMALL_WORDS + r")\b",
    re.IGNORECASE)
_HURT_BARE = re.compile(r"\b(?:injuring|wounding|injured|wounded)\s+(?:at least\s+|another\s+|more than\s+)?(\d[\d,]*|"
                        + _SMALL + r")\b(?!\s*%|-)"
                        # "The number of injured has risen to 12"
                        # ("The number of people being treated at Connaught Hospital ... has risen to 41")
                        r"|\bnumber of (?:people )?(?:(?:injured|wounded|hurt)\b|(?:being\s+)?(?:treated|hospitali[sz]ed)\s)"
                        r"[^.;]{0,60}?\b(?:to|at)\s+(?:at least\s+)?(\d[\d,]*)\b",
                        re.IGNORECASE)
_FIRM_MODES = frozenset({"legal", "climb-down", "retaliation", "warning", "release", "admission", "call",
                         "tax-relief", "summons", "condolences"})
_SUBORDINATE = re.compile(r"\b(?:after|before|when|since|because|while|although|though|as)\b", re.IGNORECASE)
_SECURITY = re.compile(r"\b(?:soldiers|troops|police|army|forces|security|officers|gendarmes)\b[^,;]*$",
                       re.IGNORECASE)
_AND_ONE = re.compile(r"\s+and\s+(?:a|an|one)\s+(?:[\w-]+\s+)?(?:civilian|soldier|child|woman|man|person|policeman|"
                      r"officer|resident|worker|journalist|boy|girl)\b")
_BLAST = re.compile(r"explosions?|blasts?|exploded", re.IGNORECASE)
# where an explosion is an accident, and the words of an attack that make it none
_WORKS = re.compile(r"\b(?:refiner(?:y|ies)|plant|factory|mine|pipeline|gas|chemicals?|warehouse|boiler|depot|"
                    r"fireworks|reactor|furnace|tanker|silo|fuel)\b", re.IGNORECASE)
_ATTACK_WORDS = re.compile(r"\b(?:bomb\w*|attack\w*|suicide|militants?|gunmen|insurgents|explosive device|IED|"
                           r"claimed responsibility|terror\w*|grenade|drone|missile|rocket|shell\w*|landmines?|anti-tank|"
                           r"anti-personnel|planted|military|forces|troops|army|war)\b", re.IGNORECASE)
_RELIEF = re.compile(r"\b(?:rescu\w*|buried|flood\w*|earthquake|landslide|relief|survivors|evacuat\w*|search(?:ing)? for)\b",
                     re.IGNORECASE)
_FIREFIGHTING = re.compile(r"\s+(?:the\s+)?(?:blaze|fire|flames|wildfire)s?\b", re.IGNORECASE)
_HIT_WORDS = ("struck", "strikes", "strike", "hit", "hits")
_HAZARD_STRUCK = re.compile(r"\b(?:earthquakes?|quakes?|aftershocks?|tremors?|storms?|hurricanes?|cyclones?|typhoons?|"
                            r"tornado(?:es)?|floods?|lightning|tsunamis?|landslides?|avalanches?|heatwaves?)"
                            r"(?:\s+[\w-]+){0,2}\s*$", re.IGNORECASE)
_HURT_AFTER = re.compile(r"\b(\d[\d,]*)\s+(?:(?:other|more)\s+)?(?:(?:people|inmates|prisoners|passengers|civilians|soldiers|"
                         r"officers|protesters|residents|workers|students|children)\s+)?(?:have|had|were|are)\s+(?:been\s+)?"
                         r"(?:injured|wounded|hurt)\b"  # ("At least 40 other inmates were wounded")
                         # "three of his comrades were wounded"
                         r"|\b(\d[\d,]*|" + _SMALL_WORDS + r")\s+of\s+(?:his|her|their|the)\s+(?:[\w-]+\s+){0,2}?"  # (not a body's "more than 40 of its members")
                         r"(?:were|had\s+been|have\s+been)\s+(?:also\s+)?(?:injured|wounded|hurt)\b", re.IGNORECASE)
_NEW_TOLL = re.compile(r"\b(?:new|latest|updated|revised)\s+(?:death\s+)?(?:toll|figures)\b", re.IGNORECASE)
_RISEN = re.compile(r"\b(?:ris(?:en|es)|rose|climb(?:ed|s)|increased|jumped)\s+to\b"
                    r"|\b(?:later|since)\s+(?:said|says|reported|confirmed|corrected)\b"  # "It later said that one ..."
                    r"|\bin\s+an?\s+(?:later\s+|new\s+)?update\b"  # "In an update on Monday it said only Fonyuy ..."
                    # "the toll had risen again as more bodies were recovered"; "“As of this evening, 23 people ...”"
                    r"|\b(?:toll|number\s+of\s+(?:dead|deaths)|figure)\s+(?:had|has)\s+(?:risen|climbed|gone\s+up)\b"
                    r"|^[\s“\"‘]*As\s+of\s+(?:this|[A-Z0-9])[^,.;]{0,30},",
                    re.IGNORECASE | re.MULTILINE)
# "In all, at least three people were killed and 14 wounded on the two sides": the sum of the accounts before
_TOTAL = re.compile(r"\s*(?:In\s+all|In\s+total|Altogether|All\s+told|Overall),")
# "The blaze broke out on the ground floor ...": a sentence that opens on the incident just reported
_NAMED_AGAIN = frozenset({"attack", "attacks", "fighting", "assault", "blast", "explosion", "fire", "blaze", "shelling",
                          "abduction", "kidnapping", "bombing", "massacre", "ambush",
                          "strike", "raid", "shooting", "clashes"})
_FIRE = re.compile(r"\b(?:on fire|ablaze|fires?|blazes?)\b", re.IGNORECASE)
_THE_INCIDENT = re.compile(r"(?:The|This|That)\s+(?:[\w-]+\s+)?$")
_CONDEMNED = re.compile(r"\b(?:condemn|denounc|deplor|decr(?:y|ie))\w*\s+(?:the\s+)?$", re.IGNORECASE)  # "Unicef condemns attack"
_PERPETRATORS = re.compile(r"\b[Tt]he\s+(?:attackers|gunmen|assailants|kidnappers|abductors|raiders|bombers)\b")
_TREATED = re.compile(r"\b(\d[\d,]*|" + _SMALL_WORDS + r")\s+"
                      r"(?:more|others|other people|of them)\s+(?:were|are|had been|have been)\s+(?:being\s+)?"
                      r"(?:treated|hospitali[sz]ed|taken to hospital)\b"
                      # "41 survivors have been pulled from the water, 17 of them injured"
                      r"|,\s+(\d[\d,]*|" + _SMALL_WORDS + r")\s+of\s+them\s+(?:injured|wounded|hurt)\b"
                      # "Five supporters were treated at Mulago National Referral Hospital"
                      # (and "23 people have been taken to hospitals in Mostar, Konjic and Sarajevo", not bodies)
                      r"|(?<![\w-])(\d[\d,]*|" + _SMALL_WORDS + r")\s+(?!bodies\b)(?:(?!who\b|that\b)[a-z][\w-]*\s+){0,2}?(?:were|are|had been|have been)\s+"
                      r"(?:being\s+)?(?:treated|admitted|taken|rushed|flown)\s+(?:at|in|to)\s+(?:[\w’'.-]+\s+){0,5}?(?:hospitals?|clinics?)\b"
                      # "four people in all had been treated after the crush", "... treated for burns"
                      r"|(?<![\w-])(\d[\d,]*|" + _SMALL_WORDS + r")\s+(?:people|others|passengers|workers|residents|children|"
                      r"protesters|officers|fans|pilgrims)\s+(?:in\s+all\s+|in\s+total\s+)?(?:were|are|had been|have been)\s+"
                      r"(?:being\s+)?treated\s+(?:after|for|following)\b"
                      # a headline's "Toll reaches 550 dead, with 2,700 treated for heat exhaustion"
                      r"|\bwith\s+(\d[\d,]*|" + _SMALL_WORDS + r")\s+(?:[a-z]+\s+)?treated\s+(?:after|for|following)\b",
                      re.IGNORECASE)
_INCIDENTS = ("ASSAULT", "DISASTER")
_ONCE_A_SENTENCE = frozenset({*_INCIDENTS, "CONSULT", "PROTEST"})
_UNREAL = frozenset({"hypothetical", "negated", "future"})  # flags of an event that did not (yet) happen
_COUNTED = ("killed", "injured")
_HARM = re.compile(r"\b(?:killed|killing|kills|died|dead|deaths|fatalities|death toll|toll|injured|injuring|injuries|wounded|hurt|stabbed|"
                   r"treated in hospital|taken to hospital|hospitali[sz]ed|treated\s+for\s+(?:burns|injuries|wounds|smoke)|"
                   r"(?:treated|admitted|taken|rushed|flown)\s+(?:at|in|to)\s+(?:[\w’'.-]+\s+){0,5}?(?:hospitals?|clinics?))\b",
                   re.IGNORECASE)
_CASUALTY_ONLY = re.compile(r"^(?:killed|killing)$", re.IGNORECASE)
_ONE = (r"(?:[\w-]+\s+){0,2}?(?:man|woman|person|child|boy|girl|striker|soldier|civilian|officer|worker|"
        r"protester|resident|driver|passenger|pilot|journalist|student|teenager|farmer|trader|nurse|doctor|"
        r"villager|pastoralist|herder|merchant|shopkeeper|motorist|adolescent|guard|cook|teacher|pupil|"
        r"policeman|policewoman|fisherman|miner|priest|pastor|imam|medic|paramedic|firefighter|volunteer|"
        r"bystander|tourist|patient|prisoner|inmate|photographer|cameraman|reporter|official|neighbou?r|relative|"
        r"passer-by|security guard|bodyguard|pirate|gunman|attacker|assailant|militant|rebel|fighter|robber|hijacker|"
        r"suspect|sailor|seafarer|crew member|peacekeeper)")
# "A soldier [serving with the force] was killed", "A radio journalist [who had reported on a land dispute] was
# shot dead"
_ONES_CLAUSE = (r"(?:\s+(?:who|serving|working|travelling|traveling|riding|based|stationed|deployed|standing|sitting)\s"
                r"[^.;,]{0,80}?)?")
_ONE_DEAD = re.compile(  # "a student was shot dead", "shooting dead a student", "killing 19-year-old Brian Mwangi"
    rf"\b(?:a|an|one)\s+{_ONE}{_ONES_CLAUSE}\s+(?:(?:was|had\s+been|has\s+been)\s+killed|died|"
    rf"was\s+shot\s+dead)\b"
    rf"|^\s*{_ONE}\s+(?:killed|shot\s+dead)\b"  # a headline's "Ghanaian peacekeeper killed, three wounded"
    # "The man who had been missing in Grindavík has been found dead" (news; "The boy was found dead on 4 June",
    # told in the past, is often the death a protest is about, not the event's own toll)
    rf"|\b(?:a|an|one|the)\s+{_ONE}\s+(?:(?:who|which|that)\s[^.;]{{0,60}}?\s)?has\s+been\s+found\s+dead\b"
    rf"|\b(?:shooting|shot|stabbing|stabbed|beating|beat|hacked)\s+(?:dead|and\s+killed|to\s+death)\s+(?:a|an|one)\s+{_ONE}\b"
    rf"|\bkilling\s+(?:(?:a|an|one)\s+{_ONE}\b|(?:an?\s+)?\d+-year-old\b)"
    rf"|\bshot\s+(?:a|an|one|the)\s+{_ONE}\s+dead\b",  # "A police sniper has shot the hijacker dead"
    re.IGNORECASE)
# one of the hurt, who died after: "taken to hospital, where a 52-year-old man later died", "one of whom died"
_DIED_OF_HURT = re.compile(rf"\b(?:where|of\s+whom)\s+(?:a|an|one)\s+{_ONE}\s+"
                           r"(?:later\s+|subsequently\s+|since\s+)?died\b"
                           r"|\bone\s+of\s+whom\s+(?:later\s+|subsequently\s+|has\s+since\s+)?died\b", re.IGNORECASE)
_COUNT_AND = re.compile(rf"\b(?:\d[\d,]*|{_SMALL_WORDS})\s+(?:[\w-]+\s+){{0,2}}?and\s+$", re.IGNORECASE)
# "killing a police officer and a security guard", "left one worker dead": one by one, counted
_EACH_DEAD = re.compile(rf"\bkilling\s+((?:(?:a|an|one)\s+{_ONE}(?:\s*,\s*|\s+and\s+))+(?:a|an|one)\s+{_ONE})\b"
                        rf"|\bleft\s+(?:a|an|one)\s+{_ONE}\s+dead\b", re.IGNORECASE)
_ONE_HURT = re.compile(  # "A cook was wounded", "wounding a teacher"
    rf"\b(?:a|an|one)\s+{_ONE}{_ONES_CLAUSE}(?:,\s+(?:a|an)\s+[^,;.]{{1,40}},)?\s+(?:was|had\s+been|has\s+been)\s+"
    rf"(?:shot\s+and\s+|lightly\s+|slightly\s+|seriously\s+|badly\s+|critically\s+|severely\s+)?(?:wounded|injured|hurt)\b"
    # (and "shot and wounded the ship's second officer")
    rf"|\b(?:wounding|injuring|wounded|injured)\s+(?:(?:a|an|one)\s+|the\s+(?:[\w-]+(?:’s|'s)\s+)?){_ONE}\b"
    # "it said only Fonyuy had been hurt", "only the boy had been hurt"
    rf"|\bonly\s+(?:one\s+|the\s+)?[\w-]+\s+(?:had\s+been|has\s+been|was)\s+(?:slightly\s+|lightly\s+)?(?:hurt|injured|wounded)\b",
    re.IGNORECASE)
# "Three other people, including a pupil who was trampled, were being treated": the count's verb after the aside
# (an abbreviation's full stops do not end it: ", including peacekeepers from the U.N. mission ...,")
_ASIDE = re.compile(r",\s+(?:including|among them)\b(?:[^,;.]|\.(?=[A-Za-z]|\s+[a-z]))*,\s*", re.IGNORECASE)
# "at least nine people, six miners and three police officers, were injured": the count broken down before its
# verb (an aside that opens with another count and holds an "and")
_BREAKDOWN = re.compile(r",\s+([^,;.]{0,60}?\band\s[^,;.]{0,40}),\s*")
_ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# the event-plover model (PLV train only) types a sentence when its top class has at least this
# probability; fixed beforehand, not tuned on PLV test (#4)
MODEL_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class _Index:
    """Start offsets of the sorted facts, so a sentence finds its own by bisection."""

    mentions: list[int]
    amounts: list[int]
    quotes: list[int]
    times: list[int]
    paragraphs: list[int]
    by_weekday: bool = False  # whether the document dates anything by weekday ("on Tuesday")

    @staticmethod
    def of(analysis: Analysis) -> _Index:
        starts = lambda items: [x.span.start for x in items]  # noqa: E731
        text = analysis.doc.text
        return _Index(starts(analysis.mentions), starts(analysis.amounts), starts(analysis.quotes),
                      starts(analysis.times), starts(analysis.paragraphs),
                      any(_WEEKDAY.search(text, t.span.start, t.span.end) for t in analysis.times))

    def amounts_in(self, analysis: Analysis, span: Span) -> list[Amount]:
        lo, hi = bisect.bisect_left(self.amounts, span.start), bisect.bisect_left(self.amounts, span.end)
        return [a for a in analysis.amounts[lo:hi] if a.span in span]

    def quotes_over(self, analysis: Analysis, span: Span) -> list[Quote]:
        hi = bisect.bisect_right(self.quotes, span.start)
        return [q for q in analysis.quotes[max(0, hi - 12) : hi] if span in q.span]

    def quotes_meeting(self, analysis: Analysis, span: Span) -> list[Quote]:
        lo, hi = bisect.bisect_right(self.quotes, span.start), bisect.bisect_left(self.quotes, span.end)
        return [q for q in analysis.quotes[max(0, lo - 12) : hi] if q.span.end > span.start]


@stage(requires=("sents", "mentions", "entities", "quotes", "times", "amounts"), assigns=("events",))
def extract_events(analysis: Analysis) -> Analysis:
    """Return ``analysis`` with events, one per PLOVER category per sentence or headline."""
    units = [(s.span, analysis.paragraphs[s.paragraph].post) for s in analysis.sents]
    units += [(p.headline, p.id) for p in analysis.posts if p.headline is not None]
    units.sort(key=lambda u: u[0].start)
    events: list[Event] = []
    index = _Index.of(analysis)
    text = analysis.doc.text
    orgs = [m.span for m in analysis.mentions if m.type == "ORG"]
    org_starts = [o.start for o in orgs]

    def org_names(span: Span) -> list[tuple[int, int]]:  # the organisations named in a unit, offsets in it
        inside = orgs[bisect.bisect_left(org_starts, span.start) : bisect.bisect_left(org_starts, span.end)]
        return [(o.start - span.start, o.end - span.start) for o in inside if o.end <= span.end]

    triggers = [_first_triggers(text[span.start : span.end], org_names(span)) for span, _ in units]
    for (span, post), found_triggers in zip(units, triggers):
        found = _sentence_events(analysis, span, post, len(events), events, index, found_triggers)
        # the model reads only sentences with a trigger word whose type the rules leave open: most
        # sentences of the news are no event, and most others name an act by its word
        label = _model_type(analysis, span) if found_triggers and not _rules_stand(analysis, found, span, index) \
            else None
        if label in _INCIDENTS and not any(e.type in _INCIDENTS for e in found) \
                and all(_only_toll(text[span.start : span.end], m) for row, m in found_triggers
                        if _TRIGGERS[row][0] in _INCIDENTS) \
                and (not found and _RISEN.search(text, span.start, span.end)
                     or any(e.post == post and e.type in _INCIDENTS and e.casualties for e in events[-3:])):
            # "The number of people killed has risen to 14", "At least 820 people have been killed, the ministry
            # said", "... killed, and Morocco has accepted rescue teams": a toll the incident just reported took
            # is no second incident (nor does it make the sentence's other act an attack)
            label = None
        if not found and _NOBODY.search(text, span.start, span.end) \
                and all(_CASUALTY_ONLY.match(m.group(0)) for _, m in found_triggers):
            label = None  # "No one was killed or injured, the owner said": the toll of the act before, no act
        if label in _INCIDENTS and not found and _STATISTIC.search(text, span.start, span.end) \
                and all(_only_toll(text[span.start : span.end], m) for _, m in found_triggers):
            label = None  # "4,458 people were killed on the country's roads last year": a count over a year, no act
        if label in _INCIDENTS and any(e.type in _INCIDENTS and e.mode[:1] == ("toll",) for e in found):
            label = None  # "Cholera kills 61 ... as WHO appeals for funds": the toll's incident is the rules' (a disease's)
        if label is not None:
            found = _retyped(analysis, found, label, span, post, len(events), index)
        events.extend(_fold_references(analysis, found, events))
        _claimed(analysis, span, post, events, index)
    _headline_actors(analysis, events, index)
    _headline_roles(analysis, events, index)
    home = _dateline_place(analysis)
    # an act with no place of its own happens where the last act of its post (of its paragraph in a wire story,
    # which moves between scenes and else happens where it is filed) did
    scene: dict[object, int] = {}
    for k, e in enumerate(events):
        if e.background or e.type in _SAID:
            continue
        where = e.post if home is None else bisect.bisect_right(index.paragraphs, e.span.start)
        if e.location is None and where in scene:
            events[k] = replace(e, location=scene[where])
        elif e.location is not None:
            scene[where] = e.location
    if home is not None:  # a wire story's acts happen where it is filed, unless it says
        events = [replace(e, location=home) if e.location is None and e.type not in _SAID and not e.background
                  else e for e in events]
    return replace(analysis, events=tuple(events))


# what comes before a headline's trigger: its subject, and an act of the same subject before a comma
# ("Minister visits injured, rejects ..."), not a clause of its own ("Toll rises as protests spread",
# "Relatives block road; lawyer denies ...", "..., villages evacuated")
_HEAD_JOINS = r"\b(?:as|after|while|amid|when|because|but)\s"  # what opens a headline's clause of its own
_HEAD_CLAUSE = re.compile(_HEAD_JOINS + r"|[;:]|,(?=.*\S)", re.IGNORECASE | re.DOTALL)
# what follows a headline's comma before a second verb of its subject: ", promises to pay", ", rejects"
_HEAD_SAME_SUBJECT = re.compile(r"\s*(?:(?:also\s+)?[a-z]+s\s+(?:to\s+)?)?")


def _headline_actors(analysis: Analysis, events: list[Event], index: _Index) -> None:
    """"Minister visits injured, rejects calls to resign": a headline names its actor by a bare role,
    the post under it by name. A headline's act or statement with a subject but no participants
    takes the actors of an event of the post's first sentence, which tells the headline again."""
    text = analysis.doc.text
    heads = {p.id: p.headline for p in analysis.posts if p.headline is not None}
    starts = [s.span.start for s in analysis.sents]
    for k, e in enumerate(events):
        head = heads.get(e.post)
        if head is None or e.span != head or e.actors or e.type in _INCIDENTS \
                or not re.search(r"[A-Za-z]", text[head.start : e.trigger.start]):
            continue
        if _HEAD_CLAUSE.search(text, head.start, e.trigger.start):
            before, comma = events[k - 1] if k else None, text.rfind(",", head.start, e.trigger.start)
            if before is not None and before.span == head and before.actors and not e.targets \
                    and before.trigger.end <= comma and _HEAD_SAME_SUBJECT.fullmatch(text, comma + 1, e.trigger.start) \
                    and not _HEAD_CLAUSE.search(text[head.start : comma]):
                events[k] = replace(e, actors=before.actors)  # "President orders inquiry, promises to pay ..."
            continue
        i = bisect.bisect_left(starts, head.end)
        lede = analysis.sents[i].span if i < len(starts) else None
        body = next((x for x in events[k + 1 : k + 12] if x.span == lede and x.actors), None)
        if body is not None and not e.targets:
            events[k] = replace(e, actors=body.actors)
        elif lede is not None and e.type in _VERBAL:
            # "Planning authority denies receiving traders' letters" / "KNUPDA said in a statement that it had
            # no record ...": a headline's statement with no act in the lede is the lede's speaker's
            said = next((q for q in index.quotes_meeting(analysis, lede) if q.entity is not None and q.cue is not None
                         and (lede.start <= q.cue.start < lede.end or lede.start <= q.span.start < lede.end)), None)
            if said is not None:
                where = analysis.mentions[said.speaker].span if said.speaker is not None else said.source or said.cue
                events[k] = replace(e, actors=(Participant(where, said.entity),))


def _headline_roles(analysis: Analysis, events: list[Event], index: _Index) -> None:
    """"Prime minister announces aid", "President offers condolences, promises aid to rebuild", "Labour minister:
    bill will not be withdrawn": a headline's acts with no actor but the role's own modifiers ("UN humanitarian
    coordinator condemns ..."), opening on a bare role, are the acts of the one its post names who holds that role."""
    text = analysis.doc.text
    heads = {p.id: p.headline for p in analysis.posts if p.headline is not None}
    for k, e in enumerate(events):
        head = heads.get(e.post)
        if head is None or e.span != head or e.type in _INCIDENTS \
                or (role := HEAD_ROLE.match(text, head.start, head.end)) is None or role.end() > e.trigger.start \
                or re.search(_HEAD_JOINS + "|;", text[role.end() : e.trigger.start], re.IGNORECASE):
            continue
        # "UN humanitarian coordinator condemns ...": the UN only says whose coordinator acts
        if any(a.span.end > role.end() for a in e.actors):
            continue
        if (holder := _role_holder_in_post(analysis, index, role.group(1), head.end, e.post)) is not None:
            events[k] = replace(e, actors=(holder,))


def _role_holder_in_post(analysis: Analysis, index: _Index, role: str, start: int, post: int) -> Participant | None:
    """The first person the post names after ``start`` who holds ``role`` (by the roles the resolver gave them)."""
    body = next((p.span for p in analysis.posts if p.id == post), None)
    if body is None:
        return None
    lo, hi = bisect.bisect_left(index.mentions, start), bisect.bisect_left(index.mentions, body.end)
    return next((Participant(m.span, m.entity) for m in analysis.mentions[lo:hi] if m.type == "PERSON"
                 and m.entity is not None and role_matches(role, analysis.entities[m.entity].roles)), None)


_CLAIMED = re.compile(r"\b(?:claimed|claims|claim|has claimed|have claimed)\s+responsibility\b", re.IGNORECASE)


def _claimed(analysis: Analysis, span: Span, post: int, events: list[Event], index: _Index) -> None:
    """"The Houthi movement ... claimed responsibility": its subject is the actor of the attack just
    reported in the same post, where the report named none."""
    if (claim := _CLAIMED.search(analysis.doc.text, span.start, span.end)) is None:
        return
    lo, hi = bisect.bisect_left(index.mentions, span.start), bisect.bisect_left(index.mentions, claim.start())
    subject = next((m for m in analysis.mentions[lo:hi] if m.entity is not None and m.type in _ACTOR_TYPES), None)
    attack = next((k for k in range(len(events) - 1, -1, -1) if events[k].type == "ASSAULT" and events[k].post == post
                   and not events[k].background), None)
    if subject is not None and attack is not None and not events[attack].actors:
        events[attack] = replace(events[attack], actors=(Participant(subject.span, subject.entity),))


def _fold_references(analysis: Analysis, found: list[Event], earlier: list[Event]) -> list[Event]:
    """A sentence's incident that opens on a definite reference to the one just reported in the same
    post ("A fire tore through a factory ... The blaze broke out on the ground floor ...") adds its
    details to it (place, toll, participants) instead of counting as a second incident; so does one
    named again in passing with nothing new ('called the attack "a cowardly attempt"')."""
    text = analysis.doc.text
    out = []
    for e in found:
        k = len(earlier) - 1
        while k >= 0 and earlier[k].type not in _INCIDENTS:
            k -= 1
        opening = k >= 0 and earlier[k].post == e.post and (
            earlier[k].mode[:1] == e.mode[:1] and bool(_THE_INCIDENT.fullmatch(text, e.span.start, e.trigger.start))
            # "Gunmen abducted 38 pupils ... said the attackers arrived on motorcycles": those who did it, named again
            or _PERPETRATORS.search(text, e.span.start, e.trigger.end) is not None)
        # ... or one named again in passing with nothing new: 'called the attack "a cowardly attempt"'
        # ("A cook was wounded in the attack": in the same post, what it adds is the toll of the one reported)
        named = (not e.casualties or k >= 0 and earlier[k].post == e.post) \
            and (text[max(0, e.trigger.start - 4) : e.trigger.start] == "the "
                 or _CONDEMNED.search(text, max(0, e.trigger.start - 30), e.trigger.start) is not None) \
            and text[e.trigger.start : e.trigger.end].lower() in _NAMED_AGAIN
        # (or with a toll of a kind the one reported lacks: "Six soldiers were wounded in the attack, which took place
        # near Didiéni" after "ambushed a convoy ..., killing 11 soldiers")
        again = named and (e.location is None or k >= 0 and bool(e.casualties) and earlier[k].post == e.post
                           and not {key for key, _ in e.casualties} & {key for key, _ in earlier[k].casualties})
        # "struck a ship, setting it on fire ... the fire was brought under control": the attack's fire
        # (its toll is the attack's: "Two dock workers were killed ..., which said rescuers put out the blaze")
        fired = next((j for j in range(len(earlier) - 1, -1, -1) if earlier[j].type == "ASSAULT" and earlier[j].post == e.post
                      and _FIRE.search(text, earlier[j].span.start, earlier[j].span.end)), None) if named else None
        if fired is not None and e.mode[:1] == ("fire",):
            if e.casualties and not earlier[fired].casualties:
                earlier[fired] = replace(earlier[fired], casualties=e.casualties)
            continue
        if e.type in _INCIDENTS and k >= 0 and earlier[k].type == e.type and not earlier[k].background \
                and (opening or again):
            first = earlier[k]
            toll = dict(first.casualties)
            for key, value in e.casualties:
                toll.setdefault(key, value)
            earlier[k] = replace(first, location=e.location if e.location is not None else first.location,
                                 casualties=tuple(toll.items()),  # (who names it again in passing is no party to it)
                                 actors=first.actors or (e.actors if opening else ()),
                                 targets=first.targets or (e.targets if opening else ()),
                                 # a bare toll ("shot and killed a villager") takes the kind the word names
                                 mode=first.mode if first.acled else e.mode, acled=first.acled or e.acled)
            continue
        out.append(e)
    return [replace(e, id=len(earlier) + i) for i, e in enumerate(out)]


def _dateline_place(analysis: Analysis) -> int | None:
    """The entity of the place in a wire story's dateline ("ROTTERDAM, March 3 (Wire) -"), if any: at the
    start of the text or of its first paragraph (under the story's headline)."""
    text = analysis.doc.text
    starts = [len(text) - len(text.lstrip())] + [p.span.start for p in analysis.paragraphs[:1]]
    if (m := next(filter(None, (DATELINE.match(text, s) for s in starts)), None)) is None:
        return None
    start = m.start()
    return next((x.entity for x in analysis.mentions if x.span.start >= start and x.span.end <= m.end()
                 and x.type in ("GPE", "LOC") and x.entity is not None), None)


def _model_type(analysis: Analysis, span: Span) -> str | None:
    """The ``event-plover`` model's type of a sentence where it is sure (p >= MODEL_CONFIDENCE), else None.

    PLOVER's YIELD (CONCEDE or RETREAT) is left to the rules, which tell the two apart.
    """
    from tidings.models import load_model

    model = load_model("event-plover")
    probs = model.scores([analysis.doc.text[span.start : span.end]])[0]
    label, p = model.labels[int(probs.argmax())], float(probs.max())
    return label if p >= MODEL_CONFIDENCE and label != "YIELD" else None


def _rules_stand(analysis: Analysis, found: list[Event], span: Span, index: _Index) -> bool:
    """Whether the rules' events of a sentence stand whatever the model reads: where their first event is an
    act, found by its word ("protested", "shelled": the model, trained on PLV's relations, reads "protesters
    demanded ..." as REQUEST), where the sentence holds a direct quote (the model reads reports, not what
    someone said in their own words), where the sentence's first event is named by unmistakable words ("will
    challenge the listing in court", "dropped its objection", "would retaliate", "exchanged 84 prisoners") and
    where its one event is a request in the form "urged X to do Y" or "appealed for X" ("rejected X, urging Y
    to" is left to the model; not "X defended Y after Z called for ...": there the request is not the news)."""
    if found and found[0].type not in _SAID or any(q.kind == "direct" for q in index.quotes_meeting(analysis, span)):
        return True
    if found and _FIRM_MODES & set(found[0].mode):
        return True
    asked = _ASKED_TO.search(analysis.doc.text, span.start, span.end)
    return bool(len(found) == 1 and found[0].type == "REQUEST" and asked
                and not _SUBORDINATE.search(analysis.doc.text, span.start, asked.start()))


def _retyped(analysis: Analysis, found: list[Event], label: str, span: Span, post: int, next_id: int,
             index: _Index) -> list[Event]:
    """The sentence's events with the model's sure type first (where :func:`_rules_stand` does not keep
    them): the rules' event of that type, else their first event retyped, else a new event over the whole
    sentence (no trigger word, so no actors). A retyped verbal event with an actor also stays, as the rules
    read it ("said people were hit by canisters and that it would file complaints": the model reads the
    assault reported, the rules the complaint someone files)."""
    same = [e for e in found if e.type == label]
    if not same and found:
        modes = _modes(label, "model", analysis.doc.text[span.start : span.end])
        same = [replace(found[0], type=label, mode=modes, acled=acled_type(label, modes))]
        if not (found[0].type in _VERBAL and found[0].actors):
            found = found[1:]
    elif not same:
        same = [_event(analysis, label, "model", span, span, post, next_id, index)]
    ordered = same + [e for e in found if e not in same]
    return [replace(e, id=next_id + k) for k, e in enumerate(ordered)]


def _marked(text: str, span: Span) -> bool:
    """Whether a quote stands in quotation marks (the tagger's edges hold them, the rules' do not)."""
    return text[span.start : span.start + 1] in _MARKS or text[max(0, span.start - 1) : span.start] in _MARKS


_MARKS = ("“", '"', "‘", "'")


def _sentence_events(analysis: Analysis, span: Span, post: int, next_id: int,
                     earlier: list[Event], index: _Index,
                     triggers: list[tuple[int, re.Match[str]]]) -> list[Event]:
    text = analysis.doc.text
    chunk = text[span.start : span.end]
    seen: dict[str, Event] = {}
    labour = _LABOUR.search(chunk) and not _HARM.search(chunk)  # "a strike killed five aid workers" is not
    # "has announced a curfew ... and said security forces had arrested 23 people": an act told after one of its
    # kind, in what the sentence reports someone said, is a second event (not an attack or a disaster, whose
    # tolls are the sentence's, nor a meeting or a protest, which a sentence names twice: "met ... to discuss")
    told = next((q.span.start - span.start for q in index.quotes_meeting(analysis, span)
                 if q.kind != "direct" and span.start < q.span.start < span.end), None) \
        if any(_TRIGGERS[r][0] not in _ONCE_A_SENTENCE for r, _ in triggers) else None
    kinds_before = {_TRIGGERS[r][0] for r, m in triggers if told is not None and m.end() <= told}
    reported = [(r, m) for r, m in (_first_triggers(chunk, pos=told) if told is not None else ())
                if _TRIGGERS[r][0] in kinds_before and _TRIGGERS[r][0] not in _ONCE_A_SENTENCE]
    for (row, m), again in [(t, False) for t in triggers] + [(t, True) for t in reported]:
        kind, mode, _ = _TRIGGERS[row]
        if kind == "ASSAULT" and labour and m.group(0).lower() in ("strike", "strikes"):
            kind, mode = "PROTEST", "strike"  # "the strike ... involves 2,300 workers": a labour strike
        trigger = Span(span.start + m.start(), span.start + m.end())
        if (kind + "+" if again else kind) in seen or (kind == "ASSAULT" and "PROTEST" in seen and "strike" in m.group(0).lower()):
            continue
        if kind not in _VERBAL and any(q.kind == "direct" and _marked(text, q.span) for q in index.quotes_over(analysis, trigger)):
            continue  # (what an interview's answer, in no quotation marks, tells happened is an act)
        if kind == "PROTEST" and m.group(0).lower().startswith("block") \
                and _SECURITY.search(chunk[max(0, m.start() - 60) : m.start()]):
            continue  # "soldiers blocked the main roads": a cordon, not a protest
        if kind == "ASSAULT" and _WORDS_ATTACK.search(chunk, max(0, m.start() - 30), m.start()):
            continue  # "launched a scathing attack on the spy chiefs": words, the ACCUSE row's
        if kind == "ASSAULT" and _only_toll(chunk, m):
            continue  # a bare "killed" is a toll, handled below (as is "were wounded, many of them by gunfire")
        if kind == "ASSAULT" and (_COVERAGE_OF.search(chunk, max(0, m.start() - 40), m.start())
                                  or _COVERAGE.match(chunk, m.end())):
            continue  # "suspended ... over their coverage of an earlier attack": the reporting of an attack told before
        if kind == "ASSAULT" and m.group(0).lower().startswith("seiz") and _SEIZED_BEFORE.search(chunk, 0, m.start()):
            continue  # "All inspection reports ... have been seized": evidence, no attack
        if kind == "ASSAULT" and m.group(0).lower().startswith("seiz") and _STATE_SEIZER.search(chunk, 0, m.start()) \
                and _VESSEL.match(chunk, m.end()):
            kind, mode = "COERCE", "seizure"  # "Senegal's navy has seized three foreign trawlers": enforcement, no attack
        if kind == "ASSAULT" and m.group(0).lower() in _HIT_WORDS and _HAZARD_STRUCK.search(chunk, 0, m.start()):
            continue  # "an earthquake struck Van province": the disaster, not an attack
        if kind == "ASSAULT" and _BLAST.fullmatch(m.group(0)) and not _ATTACK_WORDS.search(chunk) and (
                _WORKS.search(chunk) or any(e.type == "DISASTER" and e.mode[:1] == ("accident",) and e.trigger
                                            and _BLAST.fullmatch(analysis.doc.text, e.trigger.start, e.trigger.end)
                                            for e in earlier)):
            kind, mode = "DISASTER", "accident"  # "An explosion ripped through a unit at the refinery": no attack
        if kind == "MOBILIZE" and re.match(r"(?:send|sent|dispatch|divert)", m.group(0), re.IGNORECASE) and _RELIEF.search(chunk):
            kind, mode = "AID", "aid"  # "Army sends soldiers and helicopter to buried village": troops sent to help
        if kind == "ASSAULT" and _FIREFIGHTING.match(chunk, m.end()) and m.group(0).lower() == "fighting":
            continue  # "firefighters were fighting the blaze"
        seen[kind + "+" if again else kind] = _event(analysis, kind, mode, span, trigger, post, next_id + len(seen), index)
    if "ASSAULT" in seen and "DISASTER" in seen and seen["DISASTER"].mode[:1] == ("fire",):
        del seen["DISASTER"]  # "struck a cargo ship, setting it on fire": the attack's fire, no disaster of its own
    if not any(k in seen for k in _INCIDENTS) and (hit := _HARM.search(chunk)):  # (a toll counts only with its word)
        toll = _casualties(text, span, index.amounts_in(analysis, span))
        if not toll and (named := _named_dead(analysis, index, span, Span(span.start + hit.start(), span.end))):
            toll = (("killed", named),)  # "Police said a driver, 40, and a passenger were killed"
        crowd = next((k for k in ("PROTEST", "COERCE") if k in seen), None)
        if crowd == "COERCE" and "killed" in dict(toll):
            crowd = None  # "One pirate was killed and nine were detained": the operation's dead, not the arrests
        if toll and crowd:  # "27 protesters were injured": the protest's toll
            seen[crowd] = replace(seen[crowd], casualties=toll)
        elif toll and _counts_nobody(toll) and (acts := [k for k, e in seen.items() if e.type not in _SAID]):
            # "The navy seized the tanker; no one was hurt": the act's toll, no attack of its own (not what someone
            # appealed for: "He appealed to the kidnappers ... and said no member of the crew had been killed")
            seen[acts[0]] = replace(seen[acts[0]], casualties=toll)
        elif toll and not _STATISTIC.search(chunk):  # (a year's count on the roads is no incident's toll)
            # nor is the count of one long past the toll of today's: "In January 2009, more than 100 people died
            # at Sachangwan" (it is that past incident's)
            past = any(_historical(analysis, t, index) for t in range(
                bisect.bisect_left(index.times, span.start), bisect.bisect_left(index.times, span.end)))
            _add_toll(analysis, span, post, Span(span.start + hit.start(), span.start + hit.end()),
                      toll, earlier, seen, next_id, index, past)
    found = list(seen.values())
    # what someone says of an act comes first where it is said before it: "Israel accused Hamas of firing
    # rockets", "denied attacking the convoy" (the act is the claim's matter; PLV test stage 47.8 -> 52.5 macro-F1;
    # ordering all of a sentence's events by their words instead cost golden and ACLED figures)
    said = next((e for e in found if e.type in _VERBAL and e.trigger is not None), None)
    if said is not None and found[0] is not said and found[0].trigger is not None \
            and said.trigger.start < found[0].trigger.start:
        found = [said] + [e for e in found if e is not said]
    return found + (_accusations(analysis, found, index, next_id + len(found)) if "ACCUSE" not in seen else [])


def _accusations(analysis: Analysis, found: list[Event], index: _Index, next_id: int) -> list[Event]:
    """"A student said police charged the crowd", "the group said officers had fired tear gas at people's bodies":
    who tells of force used by police, an army or a state (not its own) accuses them."""
    text = analysis.doc.text
    for e in found:
        if not (e.type == "ASSAULT" or e.mode[:1] == ("crowd-control",)) or not e.actors \
                or _UNREAL.intersection(e.flags):
            continue
        told = next((q for q in index.quotes_over(analysis, e.trigger) if q.kind != "direct" and q.entity is not None
                     and q.cue is not None and q.cue.end <= q.span.start
                     and _TELLS.fullmatch(text, q.cue.start, q.cue.end) and ";" not in text[q.cue.end : e.trigger.start]),
                    None)
        if told is None or any(a.entity == told.entity or _OWN.match(text, a.span.start) for a in e.actors) \
                or not any(a.span in told.span and _ARMED.search(text, a.span.start, a.span.end) for a in e.actors):
            continue
        sayer = analysis.mentions[told.speaker].span if told.speaker is not None else told.source or told.cue
        return [Event(next_id, "ACCUSE", e.span, told.cue, e.post, (Participant(sayer, told.entity),), e.actors,
                      e.location, e.time, mode=("verbal",), flags=("reported",), acled=acled_type("ACCUSE", ("verbal",)))]
    return []


_TELLS = re.compile(r"(?:said|says|say|told\s+[\w\s]{0,30}|(?:said|says)\s+in\s+a\s+statement|according\s+to|alleged|claimed)",
                    re.IGNORECASE)
_OWN = re.compile(r"(?:its|their|our|his|her|loyal)\s", re.IGNORECASE)


def _add_toll(analysis: Analysis, span: Span, post: int, trigger: Span, toll: tuple[tuple[str, int | str], ...],
              earlier: list[Event], seen: dict[str, Event], next_id: int, index: _Index, past: bool = False) -> None:
    """A toll with no incident word of its own ("Nobody was killed.", "..., killing 14 people")
    joins the incident just reported in the same post (one that happened), or starts one of the
    last incident's type."""
    recent = [k for k in range(len(earlier) - 1, max(-1, len(earlier) - 4), -1)
              if earlier[k].post == post and (earlier[k].type in _INCIDENTS or earlier[k].casualties)
              and "habitual" not in earlier[k].flags  # ("Floods kill scores in most years. In 2020 a slide killed 20")
              and not _UNREAL & set(earlier[k].flags)  # not "would respond to any attack"
              # nor a past incident told as background in a paragraph of its own ("In July 2024, a jet crashed ...,
              # killing 18" / "The search ended on Monday ..., confirming that all 72 were killed")
              and not (earlier[k].background and "\n" in analysis.doc.text[earlier[k].span.end : span.start])
              and (earlier[k].background or not past)]
    if not recent and _counts_nobody(toll) and (last := next(
            (k for k in range(len(earlier) - 1, max(-1, len(earlier) - 5), -1) if earlier[k].post == post
             and earlier[k].type not in _SAID and not earlier[k].background
             and not _UNREAL & set(earlier[k].flags)), None)) is not None:
        # "Iran's navy detained a tanker ... No one was killed or injured": with no incident just told, the
        # toll of the act before, not of what was said about it (saying that nobody was hurt tells of no attack)
        earlier[last] = replace(earlier[last], casualties=toll)
        return
    if recent:
        # a death toll joins the incident that killed, not the arrests reported since ("19 officers were
        # injured"); that incident's "at least eight" is a floor a later, higher count replaces
        killing = [j for j in range(len(earlier) - 1, -1, -1) if earlier[j].post == post
                   and earlier[j].type in _INCIDENTS and "killed" in dict(earlier[j].casualties)
                   and not (_UNREAL | {"habitual", "historical"}) & set(earlier[j].flags)] \
            if "killed" in dict(toll) else []
        k = next((j for j in recent if j in killing), killing[0] if killing else recent[0])
        total = _TOTAL.match(analysis.doc.text, span.start)
        if total and killing:  # a total is the toll of the post's first incident that killed, told in full
            k = killing[-1]
        merged = dict(earlier[k].casualties)
        # "the death toll had risen to 31", "A new toll given to AFP ...: 23 soldiers were killed"
        told = earlier[recent[0]]  # (the sentence just before may say that the toll it does not give has risen)
        revised = total or _RISEN.search(analysis.doc.text, span.start, span.end) \
            or _NEW_TOLL.search(analysis.doc.text, span.start, span.end) \
            or not told.casualties and _RISEN.search(analysis.doc.text, told.span.start, told.span.end)
        for key, value in toll:
            # (a floor or a rough count: "about 11 dead", then "18 people had been killed")
            floor = merged.get(f"{key}_qualifier") in ("at_least", "more_than", "approx") and isinstance(value, int) \
                and isinstance(merged.get(key), int) and value > merged[key]
            if (revised or floor) and key in merged and not key.endswith("_qualifier"):
                merged.pop(f"{key}_qualifier", None)
                merged[key] = value
            else:
                merged.setdefault(key, value)
        earlier[k] = replace(earlier[k], casualties=tuple(merged.items()))
        _complete_lede(analysis, earlier, post, earlier[k], toll, k)
        return
    kind = "DISASTER" if _DISEASE.search(analysis.doc.text, span.start, span.end) else \
        next((e.type for e in reversed(earlier) if e.type in _INCIDENTS and not e.background), None) \
        or _incident(analysis.doc.text)
    seen[kind] = _event(analysis, kind, "toll", span, trigger, post, next_id + len(seen), index)
    if not past:
        _complete_lede(analysis, earlier, post, seen[kind], toll)


def _complete_lede(analysis: Analysis, earlier: list[Event], post: int, told: Event,
                   toll: tuple[tuple[str, int | str], ...], k: int | None = None) -> None:
    """A wire story's lede gave the toll's other count ("..., killing at least three people" then, three paragraphs
    on, "At least 17 people were wounded", or "... 220 people treated for burns" far from any incident): a count the
    story's first incident lacks is its too."""
    lede = next((j for j, e in enumerate(earlier) if e.post == post and e.type == told.type
                 and not e.background and e.casualties and not _UNREAL & set(e.flags)),
                None)
    if lede is not None and lede != k and _same_area(analysis, earlier[lede].location, told.location):
        counts = dict(earlier[lede].casualties)
        added = {key: value for key, value in toll if key.split("_")[0] in _COUNTED and key.split("_")[0] not in counts}
        if added:
            earlier[lede] = replace(earlier[lede], casualties=tuple({**counts, **added}.items()))


def _counts_nobody(toll: tuple[tuple[str, int | str], ...]) -> bool:
    """A toll that counts nobody: "No one was hurt"."""
    counts = [v for k, v in toll if not k.endswith("_qualifier")]
    return bool(counts) and all(v == 0 for v in counts)


def _same_area(analysis: Analysis, a: int | None, b: int | None) -> bool:
    """Could two events' places be one scene? None or the same place, or places in one first-level region
    where one is a city ("Lagos" and "Ikorodu Road" in Lagos)."""
    if a is None or b is None or a == b:
        return True
    pa, pb = analysis.entities[a].place, analysis.entities[b].place
    return pa is not None and pb is not None and pa.country == pb.country and pa.admin1 == pb.admin1 is not None \
        and "city" in (pa.feature, pb.feature)


def _event(analysis: Analysis, kind: str, mode: str, span: Span, trigger: Span, post: int, eid: int,
           index: _Index) -> Event:
    text = analysis.doc.text
    lo = bisect.bisect_left(index.mentions, span.start)
    hi = bisect.bisect_left(index.mentions, span.end)
    inside = [(i, m) for i, m in enumerate(analysis.mentions[lo:hi], lo) if m.span in span and m.entity is not None]
    location = _location(analysis, inside, trigger)
    placed = _placed(text, span, [m for _, m in inside])
    if kind == "AID":  # "send batteries to Ukraine": the place aid goes to is who receives it
        given = {m.span for _, m in inside
                 if m.span.start >= trigger.end and _TO.search(text, max(0, m.span.start - 8), m.span.start)}
        placed -= given
        location = None if any(m.entity == location and m.span in given for _, m in inside) else location
    if (dateline := DATELINE.match(text, span.start)) is not None:  # "BRUSSELS, Dec 3 (Wire) -" acts in nothing
        inside = [(i, m) for i, m in inside if m.span.start >= dateline.end()]
    # "said on Telegram that ...", "told the broadcaster TVN24": where words were said is no participant
    inside = [(i, m) for i, m in inside if not _MEDIUM.search(text, max(span.start, m.span.start - 40), m.span.start)
              and not (kind in _INCIDENTS and _TOLD.search(text, max(span.start, m.span.start - 8), m.span.start))]
    # who reports an attack or a flood is not part of it (", officials said"), nor who reports any other act
    # after telling it its target ("The government has ordered an evacuation, the disaster office said")
    over = index.quotes_over(analysis, trigger)  # the quotes holding the trigger (who reports it, who says it)
    reports = index.quotes_meeting(analysis, span) if kind in _INCIDENTS else over
    sayers = [q.source or analysis.mentions[q.speaker].span for q in reports if q.source is not None or q.speaker is not None]
    if kind not in _INCIDENTS:
        sayers = [s for s in sayers if s.start >= trigger.end]
    inside = [(i, m) for i, m in inside if not any(m.span in s for s in sayers)]
    described = _in_apposition(text, span, [m for _, m in inside])
    inside = [(i, m) for i, m in inside if m.span not in described]
    before = [m for _, m in inside if m.span.end <= trigger.start and m.type in _ACTOR_TYPES
              and m.entity != location and not _is_possessed(text, m.span) and m.span not in placed]
    if (semi := text.rfind(";", span.start, trigger.start)) >= 0:
        before = [m for m in before if m.span.start > semi]  # "Police fire tear gas ...; miners reject talks"
    if kind in _SAID:  # "told reporters that Russian forces had struck ... and accused Kyiv": who said it accuses
        said = [q.span for q in index.quotes_meeting(analysis, span) if q.span.end <= trigger.start]
        before = [m for m in before if not any(m.span in q for q in said)] or before
    # "Irawan said police had also detained ...", "He said the robbers had released the hostages": what was said
    # has a subject of its own, who acts (not who said it)
    told = next((q for q in over if q.source is not None and q.source.end <= q.span.start), None)
    if told is not None and kind not in _INCIDENTS \
            and not _PASSIVE_BEFORE.search(text[max(span.start, trigger.start - 20) : trigger.start]):  # ("had been detained")
        inner = [m for m in before if m.span.start >= told.span.start]
        if inner or _GROUP.search(text, told.span.start, trigger.start):
            # (a verbal act is still its sayer's too: "said Moscow would respond"; so is what "the government" will do
            # that its ministry announces: "The Ministry of Home Affairs said the government would give ...")
            body = [m for m in before if m.span.start < told.span.start and m.type == "ORG"][-1:] \
                if inner and all(text[m.span.start : m.span.end].lower().endswith("government") for m in inner) else []
            before = body + inner
    after = [m for _, m in inside if (m.span.start >= trigger.end or m.span in trigger) and m.type in _ACTOR_TYPES
             and m.entity != location and m.span not in placed]  # ("asked the EU for help": the EU)
    if _PASSIVE_BEFORE.search(text[max(span.start, trigger.start - 20) : trigger.start]) \
            and not re.match(r"\w+ing\b", text[trigger.start : trigger.end]):  # "was deploying" is no passive
        # "were deported by Stalin": the agent follows "by", the one it happened to comes before;
        # "X and his brother Y were shot dead in a raid": with no agent, the subjects are what it happened to
        if by := _BY_AFTER.match(text, trigger.end):
            before, after = [m for m in after if m.span.start >= by.end() - 2], before
        elif told is not None and kind not in _INCIDENTS:
            # "Police said 27 people had been arrested": who tells it is not who it happened to; the police (army,
            # ...) telling of an arrest are its doers, as is who warns that "any provocation will be met with force"
            by_teller = [m for m in before if m.span in told.source]
            after = [m for m in before + after if m not in by_teller]
            before = by_teller if kind in _SAID or kind == "COERCE" and _FORCE.search(
                text, told.source.start, told.source.end) else []
        else:
            before, after = [], before + after
    if mode == "vote" and (house := [m for m in after if m.span.start < trigger.end]):
        before, after = house, []  # "A bill ... failed in the Senate": the Senate rejects; the bill's words act in nothing
    if kind == "DISASTER":  # a fire or a flood strikes places, which say where ("east of Patras")
        places = [m for m in after if m.type in ("GPE", "LOC")]
        after = [m for m in after if m not in places]
        if location is None and places:
            location = places[0].entity
    if (and_then := _AND_THEN.search(text, span.start, trigger.start)) is not None and not _PASSIVE_BEFORE.search(
            text, and_then.start(), trigger.start):
        # "Zelenskiy thanked Berlin and The Hague but said ..., and urged allies to ...": the sentence's subject acts
        opening = [m for m in before if _OPENS_SENTENCE.fullmatch(text, span.start, m.span.start)]
        before = opening[:1] or before
    if kind == "ACCUSE" and _BORE.match(text, trigger.start) and before:
        before, after = before[:-1], before[-1:] + after  # "Kyiv bore responsibility for ...": Kyiv is blamed
    actors = _distinct(before)[-2:]
    targets = _distinct(after)[:2]
    clause = text[max(span.start, trigger.start - 60) : trigger.start]
    clause_at = trigger.start - len(clause) + max(clause.rfind(","), clause.rfind(";")) + 1
    if group := _GROUP.search(text, clause_at, trigger.start):
        passive = _PASSIVE_BEFORE.search(text, clause_at, trigger.start)
        if kind == "COERCE" and not targets and passive:
            targets = [Participant(Span(group.start(1), group.end(1)))]  # "27 people had been arrested"
        elif not (kind in _INCIDENTS and passive):
            # not "7,000 people have been killed", a toll; but "173 civilians were evacuated" (ACLED's displacement);
            # the crowd that opens the trigger's own clause acts, not a name before it ("Police fired tear gas
            # after protesters set fire to tyres")
            if not actors or all(a.span.end <= group.start(1) for a in actors) \
                    and _SUBORDINATE.search(text, actors[-1].span.end, group.start(1)):
                actors = [Participant(Span(group.start(1), group.end(1)))]
    if not targets and kind in _AIMED and (aimed := _GROUP_AFTER.match(text, trigger.end, span.end)):
        targets = [Participant(Span(aimed.start(1), aimed.end(1)))]  # "accused the authorities of", "arrested 17 herders"
    if _MUTUAL.match(text, trigger.start) and (other := _WITH.match(text, trigger.end)):
        # "a trafficker exchanged fire with military police", "forces clashed with separatists": both fight
        group = _WITH_GROUP.match(text, other.end())
        actors, targets = actors + (targets[:1] or ([Participant(Span(group.start(1), group.end(1)))] if group else [])), \
            targets[1:]
    if kind == "PROTEST" and _CROWD_TRIGGER.fullmatch(text, trigger.start, trigger.end) \
            and all(_FORCE.search(text, a.span.start, a.span.end) for a in actors):
        # "500 protesters gathered"; "Police fired water cannon at protesters": the protesters protest, the
        # police act against them
        actors, targets = [Participant(trigger)], (actors + targets)[:2]
    elif not actors and kind == "PROTEST" and (crowd := _PROTEST_CROWD.search(text, span.start, trigger.start)):
        actors = [Participant(Span(crowd.start(1), crowd.end(1)))]
    # the court, police or army of the sentence ("sentenced ... after a military court found him guilty"), not the
    # place where it happened ("set fire to tyres near the European Parliament")
    inst = next((m for m in _INSTITUTION.finditer(text, span.start, span.end)
                 if not _AT_PLACE.search(text, max(span.start, m.start() - 16), m.start())), None) \
        if kind == "COERCE" else None
    if inst and not any(a.span.start <= inst.start(inst.lastindex) < a.span.end for a in actors):
        # (the body named around those words where one is: "the Kano State Police Command")
        named = next((m for m in analysis.mentions[bisect.bisect_left(index.mentions, span.start):
                                                   bisect.bisect_left(index.mentions, span.end)]
                      if m.entity is not None and m.type == "ORG" and m.span.start <= inst.start(inst.lastindex) < m.span.end),
                     None)
        actors.insert(0, Participant(named.span, named.entity) if named is not None
                      else Participant(Span(inst.start(inst.lastindex), inst.end(inst.lastindex))))
    speaker = next((q.entity for q in over if q.entity is not None), None)
    flags = []
    if speaker is not None:
        flags.append("reported")
        if kind in _VERBAL and all(a.entity != speaker for a in actors):
            actors.insert(0, Participant(trigger, speaker))
    before = text[max(span.start, trigger.start - 40) : trigger.start]
    before = before[max(before.rfind(","), before.rfind(";")) + 1 :]  # the trigger's own clause
    if _NEGATION.search(before[-30:]):
        flags.append("negated")
    if _HYPOTHETICAL.search(before):
        flags.append("hypothetical")
    time = _nearest_time(analysis, index, span, trigger)
    if time is None:
        time = _earlier_time(analysis, index, span)
    if time is not None and _historical(analysis, time, index):
        flags.append("historical")
    if _FUTURE.search(before) or time is not None and _after_publication(analysis, time):
        flags.append("future")
    clause_end = _CLAUSE_END.search(text, trigger.end, span.end)
    clause_to = clause_end.start() if clause_end else span.end
    if _PERFECT.search(before) and _HABITUAL_SPAN.search(text, trigger.end, clause_to) \
            or _YEARS_SPAN.search(text, trigger.end, clause_to) \
            or trigger.start == span.start and _GENERIC.match(text, trigger.start, span.end):
        flags.append("habitual")
    casualties = _casualties(text, span, index.amounts_in(analysis, span)) \
        if kind in ("ASSAULT", "DISASTER") else ()
    if kind == "ASSAULT" and "killed" not in dict(casualties) and (named := _named_dead(analysis, index, span, trigger)):
        casualties += (("killed", named),)
    modes = _modes(kind, mode, text[span.start : span.end])
    acting = {a.entity for a in actors if a.entity is not None}
    targets = [t for t in targets if t.entity not in acting]  # "condemned what it called ...": "it" is the actor again
    return Event(eid, kind, span, trigger, post, tuple(actors), tuple(targets), location, time,
                 casualties, modes, tuple(flags), acled=acled_type(kind, modes))


_AND_THEN = re.compile(r",\s+and\s+(?:then\s+|also\s+|later\s+)?$")  # a second verb of the sentence's subject
_OPENS_SENTENCE = re.compile(r"[\s“\"‘]*(?:[Tt]he\s+)?")
_BORE = re.compile(r"(?:bore|bears|bear)\s", re.IGNORECASE)


def _modes(kind: str, mode: str, chunk: str) -> tuple[str, ...]:
    """The trigger row's mode after the finer ones the sentence's words give ("shelled" -> shelling)."""
    return tuple(dict.fromkeys([*(m for k, m, rx in _MODE_WORDS if k == kind and rx.search(chunk)), mode]))


# the killing verb of named victims, and what may stand between their names and it
_DIED = re.compile(r"(?:shot|stabbed|beaten|hacked|killed|murdered)(?:\s+(?:dead|to death))?\b"
                   r"(?!\s+and\s+(?:injured|wounded|hurt))|died\b", re.IGNORECASE)  # (not "was shot and injured")
_AGE = r"(?:,\s*(?:aged\s+)?\d{1,3},?)?"
_KIN = "(?:" + "|".join(sorted(KIN_NOUNS | {"friend", "colleague"})) + ")"
_ONE_VICTIM = rf"(?:(?:his|her|their)\s+(?:\w+\s+)?{_KIN}\s+)?@|\b(?:a|an|one)\s+{_ONE}\b|\b(?:his|her|their)\s+(?:\w+\s+)?{_KIN}\b"
_VICTIM = re.compile(_ONE_VICTIM, re.IGNORECASE)
_SUBJECT = rf"(?:(?:{_ONE_VICTIM}){_AGE}\s*(?:,|,?\s*and)\s+)*(?:{_ONE_VICTIM}){_AGE}\s*"
_VICTIMS_KILLED = re.compile(_SUBJECT + r"(?:were|was|had been|have been|has been)\s+(?:both\s+)?$", re.IGNORECASE)
_VICTIMS_DIED = re.compile(_SUBJECT + r"(?:both\s+)?$", re.IGNORECASE)
_MUTUAL = re.compile(r"exchang|clash", re.IGNORECASE)
_WITH = re.compile(r"\s+with\s+")
_WITH_GROUP = re.compile(rf"((?:the\s+)?(?:[\w-]+\s+)?{_CROWD}(?:\s+forces)?)\b", re.IGNORECASE)
# an unnamed group right after a trigger that aims at someone: who is accused, arrested, attacked, called on
_AIMED = frozenset({"ACCUSE", "COERCE", "ASSAULT", "REQUEST", "THREATEN", "SANCTION"})
_GROUP_AFTER = re.compile(rf"\s+(?:(?:on|at|against|into)\s+)?((?:the\s+)?(?:(?:hundreds|thousands|dozens|scores) of\s+|"
                          rf"\d[\d,]*\s+)?(?:(?!(?:in|on|as|at|to|of|for|with|by|from|and|or|while|after|that|who|which)\s)[a-z][\w-]*\s+)?"
                          rf"(?:{_CROWD_WORDS}|authorities|officials))\b", re.IGNORECASE)
_APPOSITIVE_AFTER = re.compile(r",\s+(?:a|an|the|its|his|her|their)\s+[^,;.“”\"]{1,100}?(?:,|$)")
_DESCRIPTION_BEFORE = re.compile(r"[\s“\"]*The\s[^,;.“”\"]{3,120},\s*")
_PASSIVE_BEFORE = re.compile(PASSIVE_AUX + r"(?:\w+ly\s+|now\s+|also\s+|already\s+)?$", re.IGNORECASE)
_FORCE = re.compile(r"\b(?:police|army|military|navy|coast ?guard|gendarmerie|troops|soldiers|security forces)\b",
                    re.IGNORECASE)
# the forces a teller of force used accuses ("officers had fired tear gas")
_ARMED = re.compile(_FORCE.pattern + r"|\b(?:officers|riot police|guards|agents|forces)\b", re.IGNORECASE)
_BY_AFTER = re.compile(r"(?:\s+[\w-]+){0,4}?\s+by\s", re.IGNORECASE)


def _in_apposition(text: str, span: Span, mentions: list[Mention]) -> set[Span]:
    """Mentions that only describe a name before them: "Ingrid Solberg, the UN humanitarian coordinator for
    Yemen, urged ..." (not the UN, nor Yemen), "the Civic Space Defence Network, a Lagos-based rights group"."""
    out: set[Span] = set()
    for m in mentions:
        if m.type in ("PERSON", "ORG") and (app := _APPOSITIVE_AFTER.match(text, m.span.end, span.end)):
            out |= {n.span for n in mentions if app.start() <= n.span.start and n.span.end <= app.end()}
        # ... and the description before a person's name: "The UN humanitarian coordinator for South Sudan, Halima
        # Abdi Warsame, demanded ..." (the coordinator is no United Nations, nor South Sudan)
        if m.type == "PERSON" and text.startswith(",", m.span.end) \
                and (desc := _DESCRIPTION_BEFORE.fullmatch(text, dateline.end() if (dateline := DATELINE.match(
                    text, span.start, m.span.start)) else span.start, m.span.start)) is not None:
            out |= {n.span for n in mentions if desc.start() <= n.span.start and n.span.end <= m.span.start - 1}
    return out


def _distinct(mentions: list[Mention]) -> list[Participant]:
    """One participant per entity (a name and its pronoun are one actor), in text order."""
    seen: set[int | None] = set()
    out = []
    for m in mentions:
        if m.entity not in seen:
            seen.add(m.entity)
            out.append(Participant(m.span, m.entity))
    return out


_POSSESSIVE = re.compile(r"['’]s?\s")


def _nearest_time(analysis: Analysis, index: _Index, span: Span, trigger: Span) -> int | None:
    """The date expression of the sentence closest to the trigger ("captured Crimea ... in 2014")."""
    lo, hi = bisect.bisect_left(index.times, span.start), bisect.bisect_left(index.times, span.end)
    inside = [k for k in range(lo, hi) if analysis.times[k].span in span]
    # "In January 2023, a suicide bomber killed more than 80 people ... from Friday's blast": a possessive
    # date names another incident; the sentence's own date, where it has one, dates what it tells
    text = analysis.doc.text
    own = [k for k in inside if not _POSSESSIVE.match(text, analysis.times[k].span.end)]
    inside = own or inside
    return min(inside, key=lambda k: min(abs(analysis.times[k].span.start - trigger.end),
                                         abs(trigger.start - analysis.times[k].span.end)), default=None)


def _earlier_time(analysis: Analysis, index: _Index, span: Span) -> int | None:
    """The paragraph's last date before an undated sentence ("On 3 May, troops shelled X. Two died.")."""
    k = bisect.bisect_right(index.paragraphs, span.start) - 1
    j = bisect.bisect_left(index.times, span.start) - 1
    if k < 0 or j < 0:
        return None
    para = analysis.paragraphs[k].span  # (a headline is in no paragraph: the one before is another post's)
    return j if analysis.times[j].span.start >= para.start and span.end <= para.end else None


def _placed(text: str, span: Span, mentions: list[Mention]) -> set[Span]:
    """Spans of mentions that say where, not who: after "in", "at", "near" ... ("in front of the
    district office"), a place after a place and a comma ("Nashik, Maharashtra") and a place in
    brackets ("Villa Yapacani (Santa Cruz)")."""
    out: set[Span] = set()
    prev: Mention | None = None
    for m in mentions:
        lead = text[max(span.start, m.span.start - 20) : m.span.start]
        if _PLACE_PREP.search(lead) and (m.type in ("GPE", "LOC") or m.source == "role") or (
                m.type in ("GPE", "LOC") and prev is not None and prev.span in out
                and not text[prev.span.end : m.span.start].strip(", ")) or (
                m.type in ("GPE", "LOC") and lead.endswith("(")):  # "in Pirque (Cochabamba)": its region
            out.add(m.span)
        prev = m
    return out


def _is_possessed(text: str, span: Span) -> bool:
    return text[span.end : span.end + 2] in ("’s", "'s")


def _location(analysis: Analysis, inside: list, trigger: Span) -> int | None:
    text = analysis.doc.text
    places = [m for _, m in inside if m.type in ("GPE", "LOC") and not _is_possessed(text, m.span)  # not "in [Bangladesh]'s deadliest fire"
              and not ROAD_NAME.fullmatch(text, m.span.start, m.span.end)]  # (a road is where no act happens: "on the N-25 near Mangochar")
    prepped = [m for m in places if _PLACE_PREP.search(text[max(0, m.span.start - 12) : m.span.start])
               or (own := _OWNER.search(text, max(0, m.span.start - 30), m.span.start))  # "in Zambia's Copperbelt"
               and _PLACE_PREP.search(text[max(0, own.start() - 12) : own.start()])
               or _UNIT_OF.search(text, max(0, m.span.start - 60), m.span.start)
               or _STRUCK.search(text, max(0, m.span.start - 12), m.span.start)]  # "struck Van province in eastern Turkey"
    after = [m for m in prepped if m.span.start >= trigger.start]
    best = (after or prepped or [])[:1]
    if not best:
        return None
    k = places.index(best[0])
    if k + 1 < len(places) and _PLACE_OF.fullmatch(text, best[0].span.end, places[k + 1].span.start):
        return places[k + 1].entity  # "on the Black Sea port of Odesa": Odesa
    if k > 0 and _WITHIN.fullmatch(text, places[k - 1].span.end, best[0].span.start) \
            and not re.search(r"(?:,|\band|\bor)\s*$", text[max(0, places[k - 1].span.start - 6) : places[k - 1].span.start]) \
            and _feature(analysis, places[k - 1]) in (None, "city") \
            and (_feature(analysis, best[0]) not in (None, "city") or _REGION_AFTER.match(text, best[0].span.end)):
        # "the village of Khaltekot in Nepal's Myagdi district": the village within the region (not one of
        # "Dangwol and Kumbun in Bokkos", nor "the Parliament of Norway in Oslo", nor "the County Jail in Goshen")
        return places[k - 1].entity
    return best[0].entity


_REGION_AFTER = re.compile(r"\s+(?:district|region|province|state|county|governorate|oblast|department|prefecture)\b")


def _feature(analysis: Analysis, m: Mention) -> str | None:
    """A mention's place precision on the map (country, admin1, city), or None where it has none."""
    place = analysis.entities[m.entity].place if m.entity is not None else None
    return place.feature if place is not None else None


_STRIKE_VERBS = r"struck|hit|shelled|bombed"
_WITHIN = re.compile(r",?\s+in\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+)?")  # "<place> in [X's] <place>"
_OWNER = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+$")  # a name in the possessive just before
_STRUCK = re.compile(rf"\b(?:{_STRIKE_VERBS}|rocked|jolted)\s+$")
_UNITS_OF = (r"(?:port|city|town|village|region|province|district|capital|enclave|island|suburb|county|state|"
             r"prefecture|sub-prefecture|municipality|commune|governorate|oblast|raion|settlement)\s+of\s+")
_PLACE_OF = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + _UNITS_OF)
# "in front of the sub-prefecture of [Mokolo]", "near the town of [Sake]": the place after the unit
_UNIT_OF = re.compile(rf"\b(?:in|at|near|outside|in front of|into|{_STRIKE_VERBS}|targeted|attacked|storm(?:s|ed)?|raid(?:s|ed)?|overran)\s+"
                      r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?"
                      r"(?:port|city|town|village|district|capital|enclave|island|suburb|prefecture|sub-prefecture|"
                      r"municipality|commune|settlement)\s+of\s+$", re.IGNORECASE)  # a local unit, not "the state of"


def _after_publication(analysis: Analysis, time: int) -> bool:
    """Is the date a day (or month, year) after the publication date?"""
    ref, pub = analysis.times[time], analysis.doc.published
    if not (ref.value and pub) or ref.precision == "range":
        return False
    width = {"day": 10, "part-of-day": 10, "month": 7, "year": 4}.get(ref.precision)
    return width is not None and ref.value[:width] > pub[:width]


_YEAR_IN = re.compile(r"\b(?:1[89]|20)\d\d\b")
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def _historical(analysis: Analysis, time: int, index: _Index) -> bool:
    ref = analysis.times[time]
    pub = analysis.doc.published
    if ref.precision in ("century", "decade"):
        return True
    if ref.value and pub and ref.value[:4].isdigit():
        return int(ref.value[:4]) < int(pub[:4]) - 1
    # with no publication date, an act dated by a bare year ("In 2020, a slide killed ...") is background:
    # news dates what is happening now by day ("on Thursday"), not by year or by month of a year ("In January 2023")
    # ... nor by a day with its year where it dates today's by weekday ("on Tuesday" ... "The war began on 7 October
    # 2023"; an ACLED note that dates its one event "On 15 April 2022" tells of that day)
    return not pub and bool(ref.value) and (ref.precision in ("year", "range", "month") or ref.precision == "day"
                                            and index.by_weekday
                                            and _YEAR_IN.search(analysis.doc.text, ref.span.start, ref.span.end) is not None)


def _named_dead(analysis: Analysis, index: _Index, span: Span, trigger: Span) -> int:
    """How many people the sentence names as killed: "Jericho Manalastas, 19, and his older brother Arvin,
    24, were shot dead" and "A university student and his cousin were shot dead" are two (people, named
    or not, joined by "and" or commas right before a passive killing verb, or before "died")."""
    text = analysis.doc.text
    if not (died := _DIED.match(text, trigger.start)):
        return 0
    masked = list(text[span.start : trigger.start])  # each name one "@"
    lo, hi = bisect.bisect_left(index.mentions, span.start), bisect.bisect_left(index.mentions, trigger.start)
    for m in reversed(analysis.mentions[lo:hi]):
        if m.type == "PERSON" and m.span.end <= trigger.start:
            masked[m.span.start - span.start : m.span.end - span.start] = "@"
    subject = (_VICTIMS_DIED if died.group(0).lower() == "died" else _VICTIMS_KILLED).search("".join(masked))
    return len(_VICTIM.findall(subject.group(0))) if subject else 0


def _casualties(text: str, span: Span, amounts: list[Amount]) -> tuple[tuple[str, int | str], ...]:
    out: dict[str, int | str] = {}
    chunk = text[span.start : span.end]
    from tidings.extract.amounts import parse_number

    for m in _TOLL.finditer(chunk):
        value = parse_number(next((g for g in m.groups() if g), ""))
        if value is not None and "killed" not in out:
            out["killed"] = int(value)
            if re.search(r"\bat least\s", m.group(0), re.IGNORECASE):  # "killing at least three people"
                out["killed_qualifier"] = "at_least"
    # "injuring nine", "312 have been injured", "40 more were being treated", "Seven of them were taken to hospital"
    # (the sick in hospital are no injured: "1,200 suspected cases ..., with about 400 patients hospitalised")
    sick = _DISEASE.search(chunk) or _CASES.search(chunk)
    for rx in (_HURT_BARE,) if sick else (_HURT_BARE, _HURT_AFTER, _TREATED):
        for m in rx.finditer(chunk):
            if "injured" not in out and re.search(r"\bat least\s+$", chunk[max(0, m.start() - 10) : m.start()], re.IGNORECASE):
                out["injured_qualifier"] = "at_least"  # "At least 17 people were wounded"
            out.setdefault("injured", int(parse_number(m.group(1) or m.group(m.lastindex)) or 0))
    if (each := _EACH_DEAD.search(chunk)) is not None:
        out.setdefault("killed", len(re.findall(r"\b(?:a|an|one)\s", each.group(1), re.IGNORECASE)) if each.group(1) else 1)
    if (one := _ONE_DEAD.search(chunk)) is not None and not _COUNT_AND.search(chunk, 0, one.start()):
        out.setdefault("killed", 1)  # (not the last of a count: "three soldiers and a civilian had been killed" are four)
    if _ONE_HURT.search(chunk):
        out.setdefault("injured", 1)
    if _DIED_OF_HURT.search(chunk):
        # "three people were taken to hospital, where a 52-year-old man later died": one dead, two hurt
        out.setdefault("killed", 1)
        if isinstance(out.get("injured"), int) and int(out["injured"]) > 1 and out["killed"] == 1:
            out["injured"] = int(out["injured"]) - 1
    for m in _NOBODY.finditer(chunk):
        if m.lastindex == 2:  # "No one was killed or injured": neither
            out.setdefault("killed", 0)
            out.setdefault("injured", 0)
            continue
        out.setdefault("killed" if m.lastindex is None or _KILLED.match(m.group(m.lastindex)) else "injured", 0)
        if m.lastindex == 1 and m.group(1).lower() in ("hurt", "injured"):
            out.setdefault("killed", 0)  # "No one was hurt": nobody killed either
    last = None
    ends: dict[str, int] = {}  # where the count of each kind ended
    counts = {a.span.start for a in amounts if a.kind == "count"}
    parts_until = -1  # the end of a count's breakdown ("nine people, six miners and three police officers,")
    for a in amounts:
        if a.kind != "count" or a.span.start < parts_until:
            continue
        aside = _ASIDE.match(text, a.span.end, span.end)
        if aside is None and (broken := _BREAKDOWN.match(text, a.span.end, span.end)) and broken.start(1) in counts:
            aside = broken
            parts_until = broken.end()
        start = aside.end() if aside is not None else a.span.end
        after = re.split(r",|\s[–—]\s", text[start : min(span.end, start + 40)])[0]  # (to a comma or a dash aside)
        before = text[max(span.start, a.span.start - 25) : a.span.start]
        state = {"dead": "killed", "killed": "killed", "deaths": "killed", "fatalities": "killed", "bodies": "killed",
                 "injured": "injured", "injuries": "injured", "wounded": "injured"}.get(a.unit)  # "31 bodies": the dead
        # "87 wounded people" (not "12 critically injured patients had been flown to Benghazi": a part of them)
        inner = _STATE_NEXT.match(text, a.span.start, a.span.end)
        if not state and inner:
            state = "killed" if inner.group(1).lower() == "dead" else "injured"
        if a.unit == "bodies" and (_MORE_OF.search(text, a.span.start, a.span.end) or _LAST_OF.search(before)):
            state = None  # "found four more bodies", "pulled the last four bodies": what the toll rose by, not the toll
        verb = _COUNT_VERB.search(before)  # "killing two crew members and injuring nine": the verb just before
        # "killing the acting minister and five other people": six
        one = _ONE_AND.search(text, max(span.start, a.span.start - 60), a.span.start)
        if one is not None and not state:
            verb = one
        # "killing two students and two teachers": a count joined to one just read is of its kind
        joined = next((k for k, end in ends.items() if _AND.fullmatch(text, end, a.span.start)), None)
        if state:
            what = state
        elif verb:
            what = "killed" if verb.group(1).lower().startswith("kill") else "injured"
        elif joined:
            what = joined
        else:
            what = "killed" if _KILLED.search(after) else "injured" if _INJURED.search(after) else \
                "killed" if _KILLED.search(before) else "injured" if _INJURED.search(before) else None
        if what == "injured" and sick and not state and not re.search(r"injur|wound|hurt", after + before, re.IGNORECASE):
            continue  # (patients hospitalised with a disease)
        if what is None and last and re.search(r"\bincluding\s+$", before):
            what = f"{a.unit}_{last}" if a.unit in ("children", "civilians", "women") else None
        if what is None:
            continue
        last = what if "_" not in what else last
        if what in out:
            if what in ends and _AND.fullmatch(text, ends[what], a.span.start) and not state:
                out[what] = int(out[what]) + int(a.value)  # "27 protesters and 11 police officers were injured"
                ends[what] = a.span.end
            elif what not in ends and out[what] == int(a.value):
                ends[what] = a.span.end  # the count a toll's verb gave ("kills 2 students, 2 teachers"): more may join it
            continue
        # "three soldiers and a civilian"; "the acting minister and five other people"
        out[what] = int(a.value) + bool(_AND_ONE.match(text, a.span.end)) + (one is not None and verb is one)
        ends[what] = a.span.end
        if a.qualifier and what in ("killed", "injured"):
            out[f"{what}_qualifier"] = a.qualifier
    return tuple(out.items())
