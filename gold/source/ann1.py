"""Gold annotations, part 1. Spans: 'context [span] context' (unique) or (spec, occurrence)."""

ANN = {}

ANN["jordan-egypt-bridge-talks"] = dict(
    published="2025-03-04", dateline_place="Cairo",
    mentions=[
        ("khalid-al-masri", "[Jordanian Foreign Minister Khalid al-Masri]", "name"),
        ("khalid-al-masri", "met [his] Egyptian", "pronoun"),
        ("hisham-abu-zeid", "[Egyptian counterpart Hisham Abu Zeid]", "name"),
        ("israel", "called on [Israel] to", "name"),
        ("israel", "a day after [Israel] shut", "name"),
        ("palestinian-officials-bridge", "[Palestinian officials]", "nominal"),
        ("khalid-al-masri", "[Masri] told reporters", "name"),
        ("hisham-abu-zeid", "[Abu Zeid] said Egypt", "name"),
        ("egypt", "said [Egypt] would", "name"),
        ("qatar", "[Qatar]", "name"),
        ("united-states", "[the United States]", "name"),
        ("egypt", "holds, [Cairo] will host", "metonym"),
        ("hisham-abu-zeid", "in April, [he] said", "pronoun"),
        ("khalid-al-masri", "[The Jordanian minister]", "title"),
        ("khalid-al-masri", "what [he] called", "pronoun"),
        ("egypt", "[Egypt]'s \"tireless\"", "name"),
        ("jordan", "that [Amman] stood", "metonym"),
        ("hisham-abu-zeid", "According to [Abu Zeid]", "name"),
        ("israel", "Abu Zeid, [Israel] has", "name"),
        ("hisham-abu-zeid", "[The Egyptian foreign minister]", "title"),
        ("hisham-abu-zeid", "said [he] had spoken", "pronoun"),
        ("hamas", "with [Hamas officials] on", "nominal"),
        ("hamas", "found [them]", "pronoun"),
    ],
    quotes=[
        ("Palestinian officials said [thousands of travellers were stranded on both sides]", False,
         "palestinian-officials-bridge"),
        ("\"[There is no justification for punishing an entire population],\"", True, "khalid-al-masri"),
        ("\"[The bridge must reopen today, not next week.]\"", True, "khalid-al-masri"),
        ("Abu Zeid said [Egypt would keep working with Qatar and the United States to hold together "
         "the ceasefire in Gaza, which took effect in January]", False, "hisham-abu-zeid"),
        ("[If the truce holds, Cairo will host an international conference on the reconstruction "
         "of Gaza in April]", False, "hisham-abu-zeid"),
        ("\"[tireless]\"", True, "khalid-al-masri"),
        ("said that [Amman stood fully behind the Egyptian plan for the reconstruction of Gaza]",
         False, "khalid-al-masri"),
        ("According to Abu Zeid, [Israel has not yet responded to the latest proposal for the next "
         "phase of the truce]", False, "hisham-abu-zeid"),
        ("said [he had spoken by telephone with Hamas officials on Sunday and found them \"ready to "
         "engage\" on the proposal]", False, "hisham-abu-zeid"),
        ("\"[ready to engage]\"", True, "hisham-abu-zeid"),
    ],
    times=[
        ("in Cairo on [Monday]", "2025-03-03", "day"),
        ("[a day after]", "2025-03-03", "day"),
        ("reopen [today]", "2025-03-03", "day"),
        ("[next week]", "2025-03-10", "week"),
        ("in [January]", "2025-01", "month"),
        ("in [April]", "2025-04", "month"),
        ("on [Sunday]", "2025-03-02", "day"),
    ],
    events=[
        dict(key="masri-abu-zeid-cairo-2025-03", type="CONSULT", source="khalid-al-masri",
             target="hisham-abu-zeid", date="2025-03-03", place="Cairo",
             evidence="[Jordanian Foreign Minister Khalid al-Masri met his Egyptian counterpart "
             "Hisham Abu Zeid in Cairo on Monday]"),
        dict(key="masri-demands-bridge-reopening-2025-03", type="REQUEST", source="khalid-al-masri",
             target="israel", date="2025-03-03", place="Cairo",
             evidence="[called on Israel to reopen the King Hussein Bridge crossing without delay]"),
        dict(key="israel-closes-king-hussein-bridge-2025-03", type="COERCE", source="israel",
             target=None, date="2025-03-02", place="King Hussein Bridge",
             evidence="[Israel shut the crossing, the main route between Jordan and the occupied "
             "West Bank, citing unspecified security threats]"),
        dict(key="cairo-gaza-reconstruction-conference-2025-04", type="CONSULT", source="egypt",
             target=None, date="2025-04", date_precision="month", place="Cairo",
             modality="hypothetical",
             evidence="[Cairo will host an international conference on the reconstruction of Gaza "
             "in April]"),
        dict(key="masri-praises-egypt-mediation-2025-03", type="SUPPORT", source="khalid-al-masri",
             target="egypt", date="2025-03-03", place="Cairo",
             evidence="[The Jordanian minister praised what he called Egypt's \"tireless\" mediation]"),
        dict(key="abu-zeid-hamas-phone-call-2025-03", type="CONSULT", source="hisham-abu-zeid",
             target="hamas", date="2025-03-02", place=None, modality="reported",
             evidence="[he had spoken by telephone with Hamas officials on Sunday]"),
    ],
)

ANN["cairo-ministers-bridge"] = dict(
    published="2025-03-05", dateline_place="Cairo",
    mentions=[
        ("egypt", "[Egypt] and Jordan on", "name"),
        ("jordan", "Egypt and [Jordan] on", "name"),
        ("israel", "pressure on [Israel]", "name"),
        ("israel", "over [its] closure", "pronoun"),
        ("hisham-abu-zeid", "[Egyptian Foreign Minister Hisham Abu Zeid]", "name"),
        ("hisham-abu-zeid", "hosted [his] Jordanian", "pronoun"),
        ("khalid-al-masri", "his [Jordanian counterpart]", "title"),
        ("khalid-al-masri", "[Khalid al-Masri]", "name"),
        ("khalid-al-masri", "[Masri] demanded", "name"),
        ("israel", "demanded that [Israel] reopen", "name"),
        ("khalid-al-masri", "steps,\" [he] said", "pronoun"),
        ("hisham-abu-zeid", "[Abu Zeid] told", "name"),
        ("egypt", "that [Cairo] and Amman", "metonym"),
        ("jordan", "Cairo and [Amman]", "metonym"),
        ("khalid-al-masri", "[The Jordanian minister]", "title"),
        ("arab-league", "[Arab League officials]", "nominal"),
        ("khalid-al-masri", "reports that [he] would", "pronoun"),
        ("khalid-al-masri", "[Masri] plans", "name"),
        ("iraq", "visit [Iraq]", "name"),
        ("jordan-foreign-ministry", "[the Jordanian foreign ministry]", "name"),
    ],
    quotes=[
        ("\"[collective punishment].\"", True, "khalid-al-masri"),
        ("\"[We did not come here to issue statements. We came to agree on steps],\"", True,
         "khalid-al-masri"),
        ("told reporters that [Cairo and Amman had \"one position\" on the crossing and would "
         "coordinate closely ahead of an Arab League meeting next month]", False, "hisham-abu-zeid"),
        ("\"[one position]\"", True, "hisham-abu-zeid"),
        ("[Masri plans to visit Iraq next month for talks on regional trade]", False,
         "jordan-foreign-ministry"),
    ],
    times=[
        ("on [Tuesday]", "2025-03-04", "day"),
        ("meeting [next month]", "2025-04", "month"),
        ("Iraq [next month]", "2025-04", "month"),
    ],
    events=[
        dict(key="masri-abu-zeid-cairo-2025-03", type="CONSULT", source="hisham-abu-zeid",
             target="khalid-al-masri", date="2025-03-04", place="Cairo",
             evidence="[Egyptian Foreign Minister Hisham Abu Zeid hosted his Jordanian counterpart, "
             "Khalid al-Masri, for talks at the ministry's headquarters overlooking the Nile]"),
        dict(key="masri-demands-bridge-reopening-2025-03", type="REQUEST", source="khalid-al-masri",
             target="israel", date="2025-03-04", place="Cairo",
             evidence="[Masri demanded that Israel reopen the bridge immediately]"),
        dict(key="masri-arab-league-meeting-cairo-2025-03", type="CONSULT",
             source="khalid-al-masri", target="arab-league", date="2025-03-04", place="Cairo",
             negated=True,
             evidence="[The Jordanian minister did not meet Arab League officials during the visit]"),
        dict(key="masri-visit-iraq-2025-04", type="CONSULT", source="khalid-al-masri",
             target="iraq", date="2025-04", date_precision="month", place="Iraq",
             modality="intended",
             evidence="[Masri plans to visit Iraq next month for talks on regional trade]"),
    ],
)

ANN["jordan-egypt-grid-deal"] = dict(
    published="2025-05-13", dateline_place="Amman",
    mentions=[
        ("jordan", "[Jordan] and Egypt agreed", "name"),
        ("egypt", "Jordan and [Egypt] agreed", "name"),
        ("khalid-al-masri", "[Jordanian Foreign Minister Khalid al-Masri]", "name"),
        ("khalid-al-masri", "on [his] return", "pronoun"),
        ("khalid-al-masri", "[Masri], on", "name"),
        ("khalid-al-masri", "on [his] second", "pronoun"),
        ("hisham-abu-zeid", "[Foreign Minister Hisham Abu Zeid]", "name"),
        ("khalid-al-masri", "[the minister] told reporters", "title"),
        ("khalid-al-masri", "[He] said construction", "pronoun"),
        ("hisham-abu-zeid", "[Abu Zeid], speaking", "name"),
        ("hisham-abu-zeid", "[He] added", "pronoun"),
        ("egypt", "that [Egypt] would host", "name"),
    ],
    quotes=[
        ("[Jordan and Egypt agreed on Monday to link their electricity grids through a new "
         "undersea cable in the Gulf of Aqaba]", False, "khalid-al-masri"),
        ("\"[This cable will carry electricity, but it also carries a message: our two countries "
         "are building things together],\"", True, "khalid-al-masri"),
        ("He said [construction would begin in 2026]", False, "khalid-al-masri"),
        ("\"[even in the hardest of times].\"", True, "hisham-abu-zeid"),
        ("He added that [Egypt would host a meeting of Arab energy ministers in July to discuss "
         "extending the network to Iraq]", False, "hisham-abu-zeid"),
    ],
    times=[
        ("on [Monday]", "2025-05-12", "day"),
        ("[this year]", "2025", "year"),
        ("[two years ago]", "2023", "year"),
        ("in [2026]", "2026", "year"),
        ("in [July]", "2025-07", "month"),
    ],
    events=[
        dict(key="jordan-egypt-grid-deal-2025-05", type="AGREE", source="jordan", target="egypt",
             date="2025-05-12", place="Cairo", modality="reported",
             evidence="[Jordan and Egypt agreed on Monday to link their electricity grids through a "
             "new undersea cable in the Gulf of Aqaba]"),
        dict(key="masri-abu-zeid-cairo-2025-05", type="CONSULT", source="khalid-al-masri",
             target="hisham-abu-zeid", date="2025-05-12", place="Cairo",
             evidence="[Masri, on his second trip to the Egyptian capital this year, held talks with "
             "Foreign Minister Hisham Abu Zeid]"),
        dict(key="egypt-hosts-arab-energy-ministers-2025-07", type="CONSULT", source="egypt",
             target=None, date="2025-07", date_precision="month", place="Egypt",
             modality="intended",
             evidence="[Egypt would host a meeting of Arab energy ministers in July]"),
    ],
)

ANN["abu-shouk-attack-army"] = dict(
    published="2025-06-10", dateline_place="Port Sudan",
    mentions=[
        ("sudanese-armed-forces", "[Sudan's army]", "name"),
        ("rsf", "[the paramilitary Rapid Support Forces]", "name"),
        ("nabil-abdelrahman", "[Army spokesman Brigadier General Nabil Abdelrahman]", "name"),
        ("nabil-abdelrahman", "children, [he] said", "pronoun"),
        ("nabil-abdelrahman", "[Abdelrahman] said in", "name"),
        ("rsf", "[The RSF]", "name"),
        ("ravindra-menon", "[The UN humanitarian coordinator for Sudan]", "title"),
        ("ravindra-menon", "[Ravindra Menon]", "name"),
        ("ravindra-menon", "[Menon] said", "name"),
    ],
    quotes=[
        ("[A drone attack on a camp for displaced people near El Fasher killed 23 people on Sunday]",
         False, "sudanese-armed-forces"),
        ("said [the drones struck the Abu Shouk camp shortly after dawn, hitting a crowded market "
         "and a water point]", False, "nabil-abdelrahman"),
        ("[Most of the dead were women and children]", False, "nabil-abdelrahman"),
        ("\"[This is a crime against defenceless civilians, and the world is watching in silence],\"",
         True, "nabil-abdelrahman"),
        ("\"[Those responsible must be held to account],\"", True, "ravindra-menon"),
        ("adding that [aid agencies had been unable to reach the camp since April]", False,
         "ravindra-menon"),
    ],
    times=[
        ("on [Sunday]", "2025-06-08", "day"),
        ("on [Monday]", "2025-06-09", "day"),
        ("since [last year]", "2024", "year"),
        ("since [April]", "2025-04", "month"),
    ],
    events=[
        dict(key="abu-shouk-drone-strike-2025-06", type="ASSAULT", source=None, target=None,
             date="2025-06-08", place="El Fasher", place_detail="Abu Shouk camp",
             modality="reported", figures={"killed": 23},
             evidence="[A drone attack on a camp for displaced people near El Fasher killed 23 "
             "people on Sunday]"),
        dict(key="army-blames-rsf-abu-shouk-2025-06", type="ACCUSE",
             source="sudanese-armed-forces", target="rsf", date="2025-06-09", place=None,
             evidence="[Sudan's army said on Monday, blaming the paramilitary Rapid Support Forces]"),
        dict(key="menon-condemns-abu-shouk-attack-2025-06", type="ACCUSE", source="ravindra-menon",
             target=None, date=None, place=None,
             evidence="[The UN humanitarian coordinator for Sudan, Ravindra Menon, condemned the "
             "attack]"),
        dict(key="menon-demands-accountability-abu-shouk-2025-06", type="REQUEST",
             source="ravindra-menon", target=None, date=None, place=None,
             evidence="[demanded an independent investigation]"),
    ],
)

ANN["abu-shouk-attack-medics"] = dict(
    published="2025-06-09", dateline_place="Port Sudan",
    mentions=[
        ("abu-shouk-medics", "according to [medics at the camp]", "nominal"),
        ("sudanese-armed-forces", "[Sudan's army]", "name"),
        ("rsf", "[the Rapid Support Forces]", "name"),
        ("rsf-commander-unnamed", "[An RSF commander]", "nominal"),
        ("rsf-commander-unnamed", "that [his] fighters", "pronoun"),
        ("sudanese-armed-forces", "said [the army] was", "nominal"),
        ("hamid-bin-yousef", "[Hamid bin Yousef]", "name"),
        ("hamid-bin-yousef", "[a doctor at the camp's only clinic]", "title"),
        ("hamid-bin-yousef", "torchlight,\" [he] said", "pronoun"),
        ("ravindra-menon", "[Ravindra Menon]", "name"),
        ("ravindra-menon", "[the UN's top humanitarian official in Sudan]", "title"),
        ("ravindra-menon", "on Monday [he] was", "pronoun"),
    ],
    quotes=[
        ("[At least 31 people were killed when drones hit a market inside the Abu Shouk "
         "displacement camp near El Fasher yesterday]", False, "abu-shouk-medics"),
        ("denied that [his fighters were involved]", False, "rsf-commander-unnamed"),
        ("said [the army was trying to \"manufacture outrage\" ahead of peace talks]", False,
         "rsf-commander-unnamed"),
        ("\"[manufacture outrage]\"", True, "rsf-commander-unnamed"),
        ("said [the wounded were being treated on the floor]", False, "hamid-bin-yousef"),
        ("\"[We have no blood, no anaesthetic and no electricity. We are stitching wounds by "
         "torchlight],\"", True, "hamid-bin-yousef"),
        ("said on Monday [he was \"appalled\" by the attack]", False, "ravindra-menon"),
        ("\"[appalled]\"", True, "ravindra-menon"),
    ],
    times=[
        ("[yesterday]", "2025-06-08", "day"),
        ("[this year]", "2025", "year"),
        ("on [Monday]", "2025-06-09", "day"),
    ],
    events=[
        dict(key="abu-shouk-drone-strike-2025-06", type="ASSAULT", source=None, target=None,
             date="2025-06-08", place="El Fasher", place_detail="Abu Shouk camp",
             modality="reported", figures={"killed": 31},
             evidence="[At least 31 people were killed when drones hit a market inside the Abu "
             "Shouk displacement camp near El Fasher yesterday]"),
        dict(key="army-blames-rsf-abu-shouk-2025-06", type="ACCUSE",
             source="sudanese-armed-forces", target="rsf", date=None, place=None,
             evidence="[Sudan's army accused the Rapid Support Forces of carrying out the strike]"),
        dict(key="menon-condemns-abu-shouk-attack-2025-06", type="ACCUSE", source="ravindra-menon",
             target=None, date="2025-06-09", place=None,
             evidence="[Ravindra Menon, the UN's top humanitarian official in Sudan, said on Monday "
             "he was \"appalled\" by the attack]"),
        dict(key="menon-demands-accountability-abu-shouk-2025-06", type="REQUEST",
             source="ravindra-menon", target=None, date="2025-06-09", place=None,
             evidence="[called for those responsible to be brought to justice]"),
    ],
)
