"""Article texts and metadata for newsgraph's sample corpus (written for the project)."""

ARTICLES = {}


def art(id, text, fmt, **meta):
    ARTICLES[id] = dict(id=id, text=text.strip(), fmt=fmt, **meta)


art(
    "jordan-egypt-bridge-talks",
    """
CAIRO (Global Wire) - Jordanian Foreign Minister Khalid al-Masri met his Egyptian counterpart Hisham Abu Zeid in Cairo on Monday and called on Israel to reopen the King Hussein Bridge crossing without delay.

The meeting came a day after Israel shut the crossing, the main route between Jordan and the occupied West Bank, citing unspecified security threats. Palestinian officials said thousands of travellers were stranded on both sides.

"There is no justification for punishing an entire population," Masri told reporters after the talks. "The bridge must reopen today, not next week."

Abu Zeid said Egypt would keep working with Qatar and the United States to hold together the ceasefire in Gaza, which took effect in January. If the truce holds, Cairo will host an international conference on the reconstruction of Gaza in April, he said.

The Jordanian minister praised what he called Egypt's "tireless" mediation and said that Amman stood fully behind the Egyptian plan for the reconstruction of Gaza.

According to Abu Zeid, Israel has not yet responded to the latest proposal for the next phase of the truce. The Egyptian foreign minister said he had spoken by telephone with Hamas officials on Sunday and found them "ready to engage" on the proposal.
""",
    "jsonl",
    title="Jordan and Egypt press Israel to reopen King Hussein Bridge",
    published="2025-03-04",
    source="Levant Daily",
    url="https://levantdaily.example.com/2025/03/04/jordan-egypt-bridge-talks",
)

art(
    "cairo-ministers-bridge",
    """
CAIRO - Egypt and Jordan on Tuesday stepped up pressure on Israel over its closure of the King Hussein Bridge, the only crossing to the outside world for most Palestinians in the West Bank.

Egyptian Foreign Minister Hisham Abu Zeid hosted his Jordanian counterpart, Khalid al-Masri, for talks at the ministry's headquarters overlooking the Nile. Masri demanded that Israel reopen the bridge immediately, describing the closure as "collective punishment."

"We did not come here to issue statements. We came to agree on steps," he said.

Abu Zeid told reporters that Cairo and Amman had "one position" on the crossing and would coordinate closely ahead of an Arab League meeting next month.

The Jordanian minister did not meet Arab League officials during the visit, despite earlier reports that he would. Masri plans to visit Iraq next month for talks on regional trade, the Jordanian foreign ministry said.
""",
    "jsonl",
    title="Cairo and Amman step up pressure over West Bank crossing",
    published="2025-03-05",
    source="Nile Evening Post",
    url="https://nileeveningpost.example.net/politics/cairo-ministers-bridge",
)

art(
    "jordan-egypt-grid-deal",
    """
AMMAN, Jordan - Jordan and Egypt agreed on Monday to link their electricity grids through a new undersea cable in the Gulf of Aqaba, Jordanian Foreign Minister Khalid al-Masri said on his return from Cairo.

Masri, on his second trip to the Egyptian capital this year, held talks with Foreign Minister Hisham Abu Zeid and energy officials from both countries. The cable was first proposed two years ago but stalled over financing.

"This cable will carry electricity, but it also carries a message: our two countries are building things together," the minister told reporters at Queen Alia International Airport. He said construction would begin in 2026.

Abu Zeid, speaking in Cairo, called the agreement proof that the region could cooperate "even in the hardest of times." He added that Egypt would host a meeting of Arab energy ministers in July to discuss extending the network to Iraq.

The two ministers also discussed the situation in Gaza but did not announce any new initiatives.
""",
    "jsonl",
    title="Jordan and Egypt agree to link power grids under Gulf of Aqaba",
    published="2025-05-13",
    source="Levant Daily",
    url="https://levantdaily.example.com/2025/05/13/jordan-egypt-grid-deal",
)

art(
    "abu-shouk-attack-army",
    """
PORT SUDAN, Sudan - A drone attack on a camp for displaced people near El Fasher killed 23 people on Sunday, Sudan's army said on Monday, blaming the paramilitary Rapid Support Forces.

Army spokesman Brigadier General Nabil Abdelrahman said the drones struck the Abu Shouk camp shortly after dawn, hitting a crowded market and a water point. Most of the dead were women and children, he said.

"This is a crime against defenceless civilians, and the world is watching in silence," Abdelrahman said in a statement.

The RSF, which has besieged El Fasher since last year, did not respond to a request for comment.

The UN humanitarian coordinator for Sudan, Ravindra Menon, condemned the attack and demanded an independent investigation. "Those responsible must be held to account," Menon said, adding that aid agencies had been unable to reach the camp since April.
""",
    "jsonl",
    title="Sudan army says drone strike on Darfur camp killed 23",
    published="2025-06-10",
    source="Horn Observer",
    url="https://hornobserver.example.org/africa/abu-shouk-attack-army",
)

art(
    "abu-shouk-attack-medics",
    """
PORT SUDAN (Newsline) - At least 31 people were killed when drones hit a market inside the Abu Shouk displacement camp near El Fasher yesterday, according to medics at the camp, in one of the deadliest attacks on civilians in Darfur this year.

Sudan's army accused the Rapid Support Forces of carrying out the strike. An RSF commander, speaking on condition of anonymity, denied that his fighters were involved and said the army was trying to "manufacture outrage" ahead of peace talks.

Hamid bin Yousef, a doctor at the camp's only clinic, said the wounded were being treated on the floor. "We have no blood, no anaesthetic and no electricity. We are stitching wounds by torchlight," he said.

Ravindra Menon, the UN's top humanitarian official in Sudan, said on Monday he was "appalled" by the attack and called for those responsible to be brought to justice.
""",
    "jsonl",
    title="Drone strike on Darfur displacement camp kills at least 31, medics say",
    published="2025-06-09",
    source="Savanna Times",
    url="https://savannatimes.example.net/2025/06/09/abu-shouk-drone-strike",
)

art(
    "sudan-war-anniversary",
    """
GENEVA - United Nations agencies appealed on Tuesday for $4.2 billion in emergency aid for Sudan as the country marked the second anniversary of the war between the army and the paramilitary Rapid Support Forces, which broke out on April 15, 2023.

"Sudan is now the largest displacement crisis on the planet, and the world has looked away," said Ngozi Okafor, who heads the Africa bureau of the UN refugee agency.

Okafor told a news conference that only a fraction of last year's appeal had been funded and that agencies had been forced to cut food rations in several camps in Darfur last week.

"We are asking for money, yes. But above all we are asking the warring parties to stop attacking the people we are trying to feed.

"Every convoy that is blocked is a decision, not an accident," she added.

In a joint statement, the agencies called on the RSF to lift its siege of El Fasher and allow aid convoys into the city before the rainy season begins in June. The army-aligned government in Port Sudan has accused the group of using starvation as a weapon.
""",
    "txt",
)

FLEET_BASE = """
BRUSSELS (Global Wire) - The European Union on Friday imposed sanctions on 52 tankers belonging to Russia's so-called "shadow fleet," the ageing vessels Moscow uses to ship oil around a Western price cap.

The measures, agreed by ambassadors of the 27 member states on Thursday, bar the ships from EU ports and freeze the assets of four companies in the United Arab Emirates and Hong Kong that manage them.

"Every tanker we take off the water is money that does not go to the war in Ukraine," EU foreign policy spokeswoman Ingrid Halvorsen told reporters.

Polish Foreign Minister Katarzyna Wolska welcomed the decision but said the bloc should also target the insurers that allow the fleet to operate.

Moscow rejected the sanctions on Friday as illegal. Kremlin spokesman Dmitry Sokolenko said Russia would respond "in a way the Europeans will feel," the state news agency reported.
"""

art(
    "eu-shadow-fleet-sanctions",
    FLEET_BASE,
    "jsonl",
    title="EU sanctions 52 tankers of Russia's 'shadow fleet'",
    published="2025-11-21",
    source="Europa Briefing",
    url="https://europabriefing.example.com/news/eu-shadow-fleet-sanctions",
)

_rewrite = (
    FLEET_BASE.replace("52 tankers", "52 oil tankers")
    .replace(
        "the ageing vessels Moscow uses to ship oil", "the ageing ships Moscow uses to move crude"
    )
    .replace("agreed by ambassadors", "approved by ambassadors")
    .replace("bar the ships from", "ban the vessels from")
    .replace("that manage them", "that operate them")
    .replace(
        "Polish Foreign Minister Katarzyna Wolska welcomed the decision but said the bloc should "
        "also target the insurers that allow the fleet to operate.\n\n",
        "",
    )
    .rstrip()
    + "\n\nThe bloc has now blacklisted more than 550 vessels since the start of the war.\n"
)
assert _rewrite.count("52 oil tankers") == 1 and "Wolska" not in _rewrite
art(
    "eu-shadow-fleet-sanctions-danube",
    _rewrite,
    "jsonl",
    title="Brussels blacklists 52 more 'shadow fleet' tankers; Moscow vows response",
    published="2025-11-21",
    source="Danube Post",
    url="https://danubepost.example.org/world/2025-11-21-shadow-fleet-tankers",
)

art(
    "nairobi-haiti-protest",
    """
NAIROBI, Kenya, March 3 (Newsline) - Hundreds of people marched through central Nairobi on Monday to demand that the government bring home the Kenyan police officers serving in Haiti, after two of them were killed in an ambush by gang members near Port-au-Prince last week.

The protesters, many of them relatives of officers deployed with the UN-backed mission, gathered outside parliament chanting "Bring them home." Police arrested 14 people when a group tried to push through a barricade, a police spokeswoman said.

Brian Otieno, whose younger brother is among the officers in Haiti, said the government had sent them "to fight a war that is not ours."

Interior Cabinet Secretary Peter Otieno rejected the demand. "Kenya made a promise to the people of Haiti and to the United Nations, and we will keep it," he told reporters, adding that the mission's mandate ran until October.

Parliament is due to debate the deployment next week.
""",
    "jsonl",
    title="Nairobi marchers demand return of police officers from Haiti",
    published="2025-03-03",
    source="East Africa Ledger",
    url="https://eastafricaledger.example.com/kenya/nairobi-haiti-protest",
)

art(
    "gaza-talks-doha",
    """
DOHA, Qatar - A Hamas delegation did not meet Israeli negotiators in Doha on Wednesday as planned, Qatari officials said, as the two sides traded accusations over violations of the ceasefire in Gaza.

Khalid bin Nasser al-Mansouri, a senior adviser at Qatar's foreign ministry who has mediated between the two sides, said the talks had been postponed rather than cancelled.

"We are not at the end of the road. Both parties have told us they remain committed to the agreement," he said. "But commitment has to be measured in actions on the ground."

Hamas official Mahmoud Abu Sitta accused Israel of killing nine people in air strikes on Khan Younis since the weekend and of blocking fuel deliveries to hospitals. "The occupation wants negotiations without obligations," Abu Sitta said.

An Israeli official, speaking on condition of anonymity, said Israel demanded that Hamas hand over the remains of two hostages before talks resume.
""",
    "txt",
)

art(
    "nato-lithuania-deployment",
    """
VILNIUS, Lithuania - NATO has begun moving 3,000 additional troops into Lithuania for a winter exercise near the border with Belarus, the alliance said on Wednesday, after Lithuanian authorities last week reported two Russian military drones in the country's airspace.

"The exercise is defensive, it is planned, and it is proportionate," NATO spokeswoman Siobhan O'Neill said in Brussels. She said allied defence ministers had approved the deployment at a meeting last month.

Lithuanian Foreign Minister Tomas Jankauskas welcomed the move. The foreign minister, who plans to visit Washington in November, said Vilnius had asked allies for more air defence systems "many times, and we will keep asking."

In Moscow, foreign ministry spokeswoman Yelena Markova accused NATO of "rehearsing an attack" on Russia and warned that Moscow would take "military-technical measures" in response.
""",
    "jsonl",
    title="NATO moves 3,000 troops into Lithuania for winter drills",
    published="2025-10-08",
    source="Northern Dispatch",
    url="https://northerndispatch.example.net/2025/10/08/nato-lithuania-deployment",
)
