"""Trigger and cue lexicons for event detection, English and French.

Each entry is a regular expression fragment; ``cue(name)`` compiles the union once. Patterns
are matched case-insensitively; ``(?-i:...)`` marks the few that are case-sensitive (acronyms).
This module owns words only: the decision rules that combine them live in ``events.py``.
"""

from __future__ import annotations

import re
from functools import cache

# Event triggers ---------------------------------------------------------------------------
TRIGGERS: dict[str, list[str]] = {
    "suicide": [
        r"suicide[- ](?:car[- ])?bomb\w*", r"suicide (?:attack|bomber|vest)\w*", r"kamikazes?",
        r"attentats?[- ]suicides?", r"s'est fait exploser", r"se sont fait exploser",
        r"blew (?:himself|herself|themselves) up", r"explosive vest", r"ceinture d'explosifs",
    ],
    "air": [
        r"warplanes? (?:\w+ )?(?:pounded|targeted|struck|bombed|hit|raided)", r"(?:jets?|aircraft|helicopters?) (?:pounded|targeted|strafed)",
        r"air ?strikes?", r"air ?raids?", r"drone (?:strikes?|attacks?)", r"aerial (?:bombardment|attack|strike)s?",
        r"(?:war)?planes? (?:bombed|struck|hit)", r"fighter jets?", r"bombed from the air", r"air force (?:bombed|struck)",
        r"frappes? a[ée]riennes?", r"frappes? (?:de|par) drones?", r"raids? a[ée]riens?", r"bombardements? a[ée]riens?",
        r"tirs? de drones?", r"frapp[ée]s? par (?:un|des) drones?", r"drone strike", r"(?:strike|strikes) by (?:a )?drones?",
        r"bombardement(?:s)? de l'aviation", r"l'aviation (?:a|ont) (?:bombard|frapp)\w*", r"vecteurs? a[ée]riens?",
        r"conducted (?:an? )?(?:air|drone)?strikes?", r"drone attack", r"(?:military|army|jets?|aircraft|planes?|helicopters?|warplanes?) (?:bombed|struck)", r"drones? (?:\w+ ){0,3}(?:struck|hit|bombed)", r"drones? (?:(?!(?:before|after|while|when|as|but|then|and|or|until)\b)\(?[\w-]+,? ){0,6}(?:struck|bombed|fired (?:at|on|into))", r"drones? (?:(?!(?:avant|apr[èe]s|pendant|quand|puis|et|ou)\b)[\w'’-]+ ){0,4}(?:a|ont) (?:frapp[ée]|bombard[ée]|tir[ée] sur)", r"bombed (?:a|the) (?:gathering|village|market|town|wedding)",
    ],
    "shelling": [
        r"tank (?:fire|attack|shells?|rounds)",
        r"shell(?:ing|ed|s)\b", r"artillery", r"mortars?(?: (?:shells?|rounds?|fire))?", r"rockets? (?:fire|attack|hit|struck|landed)",
        r"missiles?", r"obus", r"tirs? d'artillerie", r"roquettes?", r"tirs? de mortiers?", r"pilonn\w+",
    ],
    "ied": [
        r"bombs? (?:\w+ ){0,5}(?:exploded|went off|detonated)", r"detonated (?:\w+ )?(?:bombs?|explosives?|devices?)", r"improvised explosives?\b", r"mine,? (?:\w+ ){0,8}went off",
        r"(?:limpet|bomb|IED|roadside) blasts?\b", r"explosives? (?:blew up|exploded|went off|detonated)",
        r"(?-i:IEDs?)\b", r"improvised explosive devices?", r"roadside bombs?", r"land ?mines?", r"explosive devices?",
        r"car bombs?", r"bomb (?:blast|exploded|went off|explosion)", r"(?:bomb|mine) blasts?", r"struck (?:a|an) (?:mine|explosive)",
        r"hit (?:a|an|another) (?:mine|explosive|IED|landmine)", r"engins? explosifs?(?: improvis[ée]s?)?", r"(?-i:EEI)\b", r"mines? artisanales?",
        r"sauté sur (?:une|un) (?:mine|engin)", r"mines? antipersonnel", r"explosion d'une? (?:mine|engin|bombe)", r"bombe artisanale",
    ],
    "grenade": [r"grenades?"],
    "abduction": [
        r"kidnapp\w*", r"abduct\w*", r"taken hostage", r"held hostage", r"hostages? (?:were|was) (?:taken|seized)",
        r"enlev(?:é|ée|és|ées|ement|ements|er|aient|ait)\b", r"pris en otages?", r"prises? d'otages?", r"rapts?\b",
        r"kidnapping", r"carried away \d+", r"whisked away",
        r"(?:captur|seiz|detain)(?:ed|ing) (?:\w+ ){0,3}(?:workers|employees|civilians|villagers|passengers|students|hostages)",
    ],
    "sexual": [
        r"\braped?\b", r"\brapes\b", r"sexual (?:violence|assault)", r"\bviol(?:ée|ées|és|s)?\b", r"violences? sexuelles?",
        r"gang[- ]raped?", r"molest\w*", r"abused (?:\w+ ){0,2}(?:women|girls|her)\b",
    ],
    "clash": [
        r"clash(?:es|ed)?", r"gun ?battles?", r"fire ?fights?", r"exchanges? of fire", r"repell?ed",
        r"repulsed", r"fought", r"fighting (?:between|with|against|broke out|erupted|continued)", r"the fighting", r"heavy fighting", r"fierce fighting", r"intense fighting", r"battles? (?:with|between|for)",
        r"combats?", r"affrontements?", r"accrochages?", r"embuscades?", r"[ée]changes? de tirs", r"repouss[ée]\w*",
        r"ont riposté", r"a riposté", r"riposte(?! (?:aux?|à))", r"engaged (?:the )?(?:militants|terrorists|insurgents|enemy|bandits)",
        r"offensive against", r"assault on", r"(?:firing|gunfire|shooting|fusillade|tirs) (?:between|entre)", r"s'est affronté\w*", r"se sont affrontés",
    ],
    "violence": [
        r"attack(?:ed|s|ing)?", r"raid(?:ed|s)?", r"stormed", r"ambush\w*", r"targeted", r"cibl[ée]\w*", r"kill(?:ed|ing|s)?", r"massacr\w*", r"shot dead",
        r"gunned down", r"opened fire", r"opening fire on", r"slaughter\w*", r"behead\w*", r"executed", r"murder\w*", r"burn(?:ed|t) alive",
        r"dead\b", r"died\b", r"death toll", r"lost their lives", r"were shot", r"butchered", r"hacked to death",
        r"attaqu\w*", r"attentats?", r"tu[ée]s?\b", r"tuées\b", r"tuant", r"massacr\w*", r"abattu\w*", r"ex[ée]cut[ée]\w*",
        r"assassin\w*", r"fusill\w*", r"ouvert le feu", r"[ée]gorg\w*", r"d[ée]capit\w*", r"morts?\b", r"perdu la vie",
        r"ont péri", r"bilan", r"neutralis\w*", r"incursion", r"assaut", r"raid",
        r"s['’]en (?:sont|est|était|étaient) (?:violemment )?pris(?:es)? (?:à|aux)",
    ],
    "protest": [
        r"staged (?:a |an )?(?:sit-ins?|protests?|rall(?:y|ies)|march(?:es)?|demonstrations?)",
        r"protest(?:s|ers?|ed|ing)?", r"demonstrat(?:ion|ions|ors?)", r"demonstrat(?:ed|ing)(?! (?:that|the|its|their|how|his|her|a|an|to)\b)", r"\bmarched\b", r"\brall(?:y|ies|ied)\b",
        r"sit-ins?", r"took to the streets", r"flooded the streets", r"manifest(?:ation|ations|ants?|é|és|er|aient)\b",
        r"\bmarches?\b(?! (?:\d|de l'|du))", r"(?-i:march(?:es|ers)?)\b(?! \d)", r"rassemblements?", r"descendus? dans (?:la|les) rues?", r"grève", r"strike action",
        r"sit-in", r"contestataires", r"protestataires",
    ],
    "riot": [
        r"riot(?:s|ers?|ing|ed)?", r"violent (?:protests?|demonstrations?)", r"unrest", r"looted", r"looting",
        r"vandali[sz]\w*", r"burn(?:ed|ing|t) tyres", r"barricades?", r"hurled stones", r"threw stones", r"pelted",
        r"[ée]meutes?", r"[ée]meutiers", r"violences?", r"violent(?:e|es|s)?", r"clash(?:es|ed)?", r"affrontements?", r"torched", r"set (?:on )?fire", r"stormed", r"attack(?:ed|s|ing)?", r"incendi\w+", r"br[ûu]l\w+", r"attaqu[ée]\w*", r"pris d['’]assaut", r"très violents?", r"[ée]chauffour[ée]es?", r"heurts", r"saccag\w*", r"pill[ée]\w*",
        r"pneus", r"jets? de pierres", r"aggressive", r"molotov", r"shut down (?:\w+ )?(?:roads|streets|offices|highways)", r"smash(?:ed|ing)", r"broke into", r"scuffles?",
        r"pull(?:ed)? down", r"removed (?:the )?(?:fences|barriers)", r"block(?:ed|ing) (?:\w+ )?(?:roads|railways|thoroughfares|highways|streets)",
        r"(?:threw|throws|throwing) (?:a |an )?\w+ into (?:a |the )?fire", r"blaze", r"(?:threw|throwing|hurled|hurling) (?:\w+ )?(?:rocks|stones|projectiles|bottles|bricks)", r"escalating violence", r"debris", r"caillass\w*", r"tore down", r"(?:ripped|tore|tearing|ripping) (?:off|down)", r"trampl(?:ed|ing) (?:on )?(?:the |a )?(?:flags?|plaques?|signs?|portraits?|posters?)", r"pi[ée]tin\w* (?:le|la|les) (?:drapeaux?|plaques?|portraits?)", r"ransack\w*", r"d[ée]g[ée]n[ée]r[ée]\w*",
    ],
    "intervention": [
        r"arrested (?:more than |at least |over |some )?\d+ (?:people|protesters|demonstrators|activists)", r"(?:have been|were|was) detained (?:during|at|in)", r"\bhalt(?:ed)? (?:the )?(?:\w+ )?(?:event|march|rally|protest)",
        r"baton[- ]charg\w*", r"charg[ée]\w* (?:les )?manifestants",
        r"(?:detain|detained|arrest|arrested|rounded up) (?:\w+ ){0,3}(?:protesters|demonstrators|activists|marchers|students)",
        r"drag(?:ged)? (?:them|protesters)", r"(?:forcibly )?remov(?:ed|ing) (?:the )?(?:protesters|demonstrators)",
        r"(?:protesters|demonstrators|activists) (?:\w+ ){0,2}(?:were|have been) (?:detained|arrested)", r"suppress\w*",
        r"interpell[ée]\w* (?:\w+ ){0,2}manifestants", r"manifestants (?:\w+ ){0,2}(?:ont été )?interpell\w+",
        r"tear ?gas", r"dispers\w*", r"water cannons?", r"rubber bullets", r"gaz lacrymog[èe]nes?", r"lacrymog[èe]nes?",
        r"canons? à eau", r"baton charge", r"matraqu\w*", r"broke up",
    ],
    "excessive": [
        r"opened fire on (?:\w+ )?(?:protesters|demonstrators|crowds?|marchers)", r"excessive force", r"violently (?:suppress|disperse|crush)\w*",
        r"(?:died|killed) (?:from|by) (?:gunfire|live fire|bullets) (?:\w+ ){0,3}(?:demonstration|protest)", r"live bullets", r"brutal(?:ly)? (?:attacked|suppressed|dispersed|beat)",
        r"beat(?:en|ing)? (?:the )?(?:protesters|demonstrators)", r"killing (?:\w+ )?(?:protesters?|demonstrators?)",
        r"tir[ée]\w* sur (?:les|des) manifestants",
        r"fired (?:live )?(?:rounds|ammunition|bullets|shots) (?:on|at|into) (?:the )?(?:protesters|demonstrators|crowd)",
        r"live (?:ammunition|rounds|fire)", r"crackdown", r"shot (?:at )?(?:protesters|demonstrators)",
        r"balles? r[ée]elles?", r"r[ée]prim[ée]\w*(?: dans le sang)?", r"r[ée]pression", r"violemment dispers\w*",
        r"(?:protesters|demonstrators) (?:were|have been) (?:killed|shot)", r"manifestants? (?:ont été )?tu[ée]s",
    ],
    "mob": [r"\bmob\b", r"lynch\w*", r"jungle justice", r"vindicte populaire"],
    "arrest": [
        r"arrest(?:ed|s|ing)?", r"detained", r"taken into custody", r"house arrest", r"apprehended", r"nabbed",
        r"(?<!s'est )(?<!s’est )(?<!se sont )\barr[êe]t[ée]s?\b(?! de )", r"\barr[êe]t[ée]es\b", r"interpell\w*", r"garde à vue", r"r[ée]sidence surveill[ée]e",
        r"appr[ée]hend\w*", r"s[ée]questr[ée]\w*", r"arrestations?", r"mis aux arr[êe]ts", r"in custody",
    ],
    "agreement": [
        r"(?:started|began|opened|launched|held) (?:\w+ )?(?:peace )?talks", r"ceasefire (?:\w+ )?(?:collapsed|broke down|was violated)",
        r"agreements?", r"\baccords?\b", r"cease-?fires?", r"truces?", r"cessation of hostilities", r"peace deal",
        r"signed (?:a|an|the)", r"cessez-le-feu", r"agreed (?:to|on)", r"ont convenu", r"se sont entendus", r"exchanged (?:\d+ )?(?:prisoners|detainees|bodies|dead)", r"in exchange for the release", r"prisoner (?:swap|exchange)",
        r"surrender(?:ed|s)?\b", r"laid down (?:their )?(?:arms|weapons)", r"[ée]change de prisonniers", r"se sont rendus", r"reddition", r"tr[êe]ves?", r"accord de paix", r"sign[ée] (?:un|l')accord",
    ],
    "release": [
        r"released(?! (?:a|an|the|its|their) (?:statement|video|report|communiqu\w+|images?|photos?|list|figures?))",
        r"\bfreed\b", r"rescued", r"secured (?:their|his|her|the) release", r"regained (?:their|his|her) freedom",
        r"lib[ée]r[ée](?:e|s|es)?\b(?! (?:la|le|les) (?:ville|localit))", r"lib[ée]ration (?:des|de l'|du|d'un|d'une) (?:otages?|[ée]l[èe]ves?|personnes?|captifs?)", r"(?:sa|leur) lib[ée]ration", r"arriv[ée]e?s? libres?",
        r"relâch\w*", r"handed (?:them |the \w+ )?over",
    ],
    "other": [
        r"(?:staged|launched|led|carried out|attempted|mounted) (?:a |the |an )?(?:military )?coup", r"coup (?:attempt|plotters)",
        r"(?:military )?coup (?:in|on|that|which) ", r"coup d['’][ée]tat", r"seized power", r"took power", r"taken power",
        r"overthr(?:ew|own|owing)", r"ousted", r"toppled", r"deposed",
        r"dissolved (?:the |its |all )?(?:government|parliament|cabinet|national assembly|assembly|council|sovereign council|political parties|transitional)",
        r"suspended (?:the |its |all )?(?:constitution|activities|political parties|operations|cooperation|broadcasts?|membership)",
        r"(?:imposed|declared|decreed|announced|instituted) (?:a |an )?(?:nationwide |night(?:time)? )?(?:curfew|state of emergency)",
        r"curfew (?:was|has been) (?:imposed|declared)", r"state of emergency (?:was|has been) declared",
        r"withdr(?:ew|awn|awing) (?:its |their |the |all )?(?:\w+ ){0,2}(?:troops|forces|soldiers|contingent|peacekeepers|from)",
        r"(?:final |last )?(?:troops|soldiers|forces|peacekeepers) (?:have |had )?(?:left|departed|pulled out)",
        r"pull(?:ed)? out (?:of|from)", r"(?:departure|withdrawal) of (?:the )?(?:\w+ ){0,3}(?:troops|forces|peacekeepers|soldiers|mission|UN)",
        r"expelled (?:the )?(?:\w+ ){0,3}(?:ambassador|troops|forces|diplomats?|envoy|mission)",
        r"deployed (?:\d[\d,]* |some |about |several )?(?:\w+ )?(?:troops|soldiers|forces|personnel) (?:to|in)", r"sent (?:\d[\d,]* )?(?:troops|soldiers) to",
        r"resigned", r"(?:banned|prohibited) (?:all )?(?:protests|demonstrations|the party|political|gatherings|marches)",
        r"(?:proclaimed|declared) (?:himself )?(?:president|head of state)", r"proclaimed (?:\w+ ){1,4}president", r"mutiny", r"mutinied",
        r"putsch", r"couvre-feu", r"[ée]tat d['’]urgence", r"retrait (?:des|de la|du) (?:\w+ ){0,2}(?:troupes|forces|soldats|militaires|force|mission|casques)",
        r"(?:ont|a|avait|avaient) (?:publiquement |définitivement |officiellement )?quitté (?:le |la |l['’])", r"dernier(?:s)? (?:soldats|militaires|détachement)",
        r"dissou(?:s|te|tes) (?:par|le|la|les)", r"(?:a|ont|avait) dissous", r"suspendu\w* (?:les |la |le )?(?:activités|constitution|coopération|diffusion)",
        r"d[ée]ploy[ée]\w* (?:\w+ ){0,3}(?:soldats|militaires|troupes|forces)", r"d[ée]mission(?:n[ée])?\b", r"expuls[ée]\w* (?:l['’]ambassadeur|les troupes|les forces|le)",
        r"a pris le pouvoir", r"ont pris le pouvoir", r"prise du pouvoir", r"interdit\w* (?:les |toute )?(?:manifestations|rassemblements|marches)",
        r"mutin(?:s|erie)\b", r"junta (?:took|seized)", r"proclam[ée]\w* (?:président|chef)", r"left the country",
        r"gel des avoirs", r"sanctions? (?:against|contre|on)", r"(?:imposed|imposé\w*|levied|lifted|levé\w*) (?:\w+ )?sanctions",
        r"fermeture (?:de ses|des) fronti[èe]res", r"closed (?:its |the )?borders?", r"recalled (?:its )?ambassadors?", r"rappel de ses ambassadeurs",
        r"mouvement rétrograde", r"took office", r"sworn in", r"investi\w* (?:président|chef)",
        r"(?:impos\w*|instaur\w*|imposition|instauration) (?:d['’]un |un |le )?blocus", r"coup de force",
        r"(?:imposed|declared|announced|enforced) (?:a |an )?(?:\w+ )?blockade", r"dissoudre (?:la|le|les|l['’])",
    ],
    # the seizure of power itself (a subset of "other"), told as background beside another event
    "coup": [
        r"coup d['’][ée]tat", r"(?:military )?coup\b(?! (?:attempt|plot|de)\b)(?! d['’])", r"putsch", r"seized power", r"took power", r"taken power",
        r"overthr(?:ew|own)", r"ousted", r"toppled", r"deposed", r"a pris le pouvoir", r"ont pris le pouvoir",
        r"prise du pouvoir", r"coup de force", r"renvers[ée]\w*",
    ],
    "territory": [
        r"pushed (?:[\w-]+ ){0,3}out of", r"(?:established|wrested|gained|seized) control (?:of|over)", r"(?:captured|seized|took) (?:a |an |the )?(?:new )?(?:[\w-]+ ){0,2}(?:neighbou?rhoods?|villages?|districts?|camps?|towns?)\b",
        r"(?:advanced|advancing) (?:\w+ ){0,3}(?:towards?|into|on|to within)", r"(?:captured|seized|took) (?:\w+ ){0,4}(?:camps?|posts?|localities|districts?|bases?|airfield|port)\b", r"occupied (?:\w+ ){0,3}(?:hill|posts?|positions?|villages?|towns?)",
        r"(?:seizing|capturing|taking) (?:the |a )?(?:(?!(?:to|from|into|in|at|for|with)\b)\w+ ){0,3}(?:town|city|village|stronghold|base)", r"gained ground",
        r"recaptur\w+", r"retook", r"retak(?:en|es|e|ing)", r"(?:taken|took|seized|captured|seize|capture|take)(?! place) (?:the |a |an )?(?:(?!(?:to|from|into|in|at|for|with)\b)\w+ ){0,3}(?:town|city|stronghold|port|locality|capital|garrison)", r"regain(?:ed)? control", r"reclaim(?:ed)?", r"took control",
        r"taken control", r"seized control", r"seiz(?:ed|ing) (?:the )?(?:town|city|village|base|camp)", r"captur(?:ed|e) (?:of )?(?:the )?(?:town|city|village|base|camp|strategic|key|port)",
        r"liberated", r"fell to", r"(?<!who )(?:has|had|have) fallen(?! (?:ill|victim|in|during))", r"taken over", r"took over (?:the )?(?:town|city|base|camp)",
        r"under (?:its|their) control", r"(?:captured|recaptured|freed|liberated|retook|seized|regained) (?:on \w+ )?(?:a |an |the |several |\d+ )?(?:\w+ ){0,2}(?:neighbou?rhoods?|villages?|districts?|areas?|towns?|hills?|positions?)",
        r"pushed back", r"regained\b", r"controlling the (?:entire|whole)", r"captured (?:\w+ ){0,4}camps?\b", r"has taken (?:the )?(?:key|strategic|town|city)", r"have taken (?:the )?(?:key|strategic|town|city)",
        r"reprise?\b(?! des)", r"repris le contr[ôo]le", r"pris le contr[ôo]le", r"s'empar\w+", r"prise de (?:la ville|la localit[ée]|kidal)",
        r"tomb[ée]e? (?:sous|aux mains)", r"chute de (?:la ville|goma)", r"occup(?:ation|[ée])", r"contr[ôo]le total",
        r"pris position", r"moved in to retake", r"in control of",
    ],
    "looting": [
        r"torching", r"destruction of (?:\w+ ){0,2}propert(?:y|ies)",
        r"\bloot(?:ed|ing)\b", r"set (?:on )?fire", r"burn(?:ed|t) (?:down )?(?:the )?(?:houses|homes|shops|vehicles|church|village|market|school)",
        r"torch(?:ed|ing)", r"destroy(?:ed|ing)", r"pill(?:é|és|ée|ées|age|aient)\b", r"incendi[ée]\w*", r"mis le feu",
        r"br[ûu]l[ée]\w*", r"d[ée]trui\w*", r"vandali\w*",
    ],
    "hq": [
        r"(?:established|created|set up|built|erected) (?:\w+ ){0,4}(?:bases?|barracks|outposts?|military posts?)\b", r"(?:bases?|barracks|outposts?) (?:have been|has been|were|was) (?:established|set up|built)",
        r"(?:established|establishing|set up|setting up|opened|built|erected) (?:a |an |the |their |its )?(?:total of \d+ )?(?:\w+ )?(?:new |temporary |permanent )?"
        r"(?:military |observation |forward |operating )?(?:base|post|outpost|headquarters|observation (?:post|point)s?|command centre|camp|checkpoint)",
        r"(?:was|were) established (?:on|in|near|at)", r"install[ée]\w* (?:une|leur|un|son) (?:nouvelle |nouveau )?(?:base|poste|quartier g[ée]n[ée]ral)",
        r"[ée]tabli\w* (?:une|un) (?:nouvelle |nouveau )?(?:base|poste)",
    ],
    "chemical": [
        r"poison(?:ous)? gas(?:es)?", r"(?:sulfur |sulphur )?mustard", r"toxic gas(?:es)?",
        r"chemical (?:weapons?|attack|agents?|munitions?)", r"chlorine", r"sarin", r"toxic gas", r"poison(?:ous)? gas",
        r"nerve agent", r"mustard gas", r"armes? chimiques?", r"gaz toxiques?", r"attaque chimique", r"chlore\b",
    ],
    "disrupted": [
        r"(?:pistols|bullets|revolvers|rifles|weapons|firearms|explosives|ammunition|equipment|VBIEDs|IEDs)(?: [\w,-]+){0,8} (?:were|was|have been|has been) (?:captured|seized|found|discovered|cleared|confiscated)", r"(?:depot|cache|stash) containing", r"destroyed (?:a |an )?(?:[\w-]+ ){0,2}improvised explosive", r"intercepted (?:\w+ )?(?:missiles|rockets|drones)",
        r"(?:destroyed|cleared|removed|defused|neutrali[sz]ed) (?:more than |over |some )?(?:[\d,]+ )?(?:\w+ ){0,2}(?:mines|landmines|IEDs|improvised explosive|explosives)", r"(?:grenades|explosives|mines|ammunitions?|rifles|weapons|arms)(?: \w+){0,6} (?:were|was|have been|has been) (?:found|discovered|seized|recovered)",
        r"seiz(?:ed|ing) (?:\w+ ){0,6}(?:weapons|firearms|guns|cartridges|ammunition)", r"(?:stash|cache)s? of (?:\w+ ){0,2}projectiles", r"bombs? (?:has|have) been (?:found|discovered)",
        r"defus(?:ed|ing)", r"dismantl\w+ (?:an? |the |\w+ )?(?:IED|bomb|explosive|device|mine)", r"(?:weapons?|arms|ammunition) (?:cache|depot|stash)",
        r"(?:cache|stash|haul) of (?:weapons|arms|firearms|ammunition|explosives)", r"seiz(?:ed|ing|ure of) (?:a |an )?(?:large )?(?:quantity of )?(?:weapons|arms|firearms|ammunition|explosives|rockets|missiles)",
        r"(?:intercepted|shot down) (?:a |an |two |three |several )?(?:\w+ )?(?:drones?|missiles?|rockets?|packages?)",
        r"(?:found|discovered|recovered|uncovered) (?:a |an |the )?(?:\w+ ){0,3}(?:explosive devices?|IEDs?|bombs?|weapons|arms|ammunition|hideout|explosives|cache)",
        r"(?:explosive devices?|IEDs?|bombs?|weapons|arms|explosives) (?:were|was) (?:found|discovered|defused|seized|recovered)",
        r"seiz(?:ed|ing) (?:\w+ ){0,4}(?:firearms|guns|rifles|weapons|ammunition|explosives|landmines|grenades|rounds)",
        r"(?:weapons|guns|firearms|ammunition|explosives|rifles)(?: \w+){0,5} (?:were|was|has been|have been) (?:seized|intercepted|confiscated|recovered)",
        r"intercepted (?:\w+ ){0,5}(?:guns|firearms|weapons|rifles|explosives|pistols)",
        r"(?:packages?|parcels?|devices?|bombs?)(?: \w+){0,6} (?:were|was) (?:intercepted|found|discovered|defused)",
        r"seiz(?:ed|ing) (?:\w+ ){0,4}(?:pistols|magazines|AK-47s?|Kalashnikovs?|cartridges)", r"accidentally (?:activated|detonated|exploded)",
        r"destroyed (?:\w+ ){0,4}(?:machine guns|rockets|explosives|IEDs|weapons|ammunition)", r"confiscat\w+ (?:\w+ ){0,3}(?:weapons|guns|arms)",
        r"bomb disposal", r"controlled explosion", r"d[ée]samorc\w+", r"caches? d['’]armes", r"saisie d['’]armes", r"armes saisies",
        r"d[ée]couvert\w* (?:un|une|des) (?:\w+ ){0,2}(?:engins? explosifs?|armes|munitions|explosifs|cache)",
        r"intercept[ée]\w* (?:un|des|deux) (?:drones?|missiles?|roquettes?)",
    ],
    "change": [
        r"mobili[sz](?:ed|ing|es) (?:its |their |about |some |\d[\d,]* )?(?:members|fighters|troops|forces|men|supporters|militia)", r"(?:has|have) (?:been )?formed\b", r"fortif(?:y|ied|ying)", r"reinforc\w+ (?:their|its) presence", r"(?:entered|violated) (?:the )?(?:\w+ ){0,3}(?:air ?space|air defen[cs]e identification zone)",
        r"pull(?:ed|s)? back (?:from|to)", r"reinforced (?:their|its) (?:\w+ ){0,2}(?:defen[cs]es?|positions|systems)", r"redeploy(?:ed|ing|ment)", r"(?:moving|moved) (?:\w+ )?troops (?:to|into)", r"mobiliz(?:ed|ing) (?:its |their )?(?:members|fighters|forces)", r"consolidat\w+ (?:their |its )?positions",
        r"defect(?:ed|ion|ions|ing)\b", r"pledged allegiance", r"allegiance to", r"(?:have|has) merged", r"merger of",
        r"(?:were|was) formed", r"formed a (?:new )?(?:group|alliance|coalition|militia|unit)", r"split from", r"breakaway faction",
        r"fait all[ée]geance", r"all[ée]geance", r"fusionn\w+", r"d[ée]fection\w*", r"ont rejoint", r"a rejoint",
        r"joined (?:forces|the ranks)", r"rebranded", r"disbanded", r"dissolution (?:du|de la) (?:groupe|milice)",
    ],
    "transfer": [
        r"after (?:\w+ ){0,5}(?:pulled out|withdrew|had withdrawn|left the)", r"following the withdrawal of", r"handed (?:over )?(?:authority|control)", r"handover of", r"encountered (?:any |no )?resistance", r"\bvacated\b",
        r"handed over (?:the )?(?:control|base|town|city|area|positions?)", r"evacuation (?:deal|agreement)", r"began leaving",
        r"(?:vacated|abandoned|deserted) (?:by|base|positions?|town)", r"seized (?:a |the )?(?:\w+ ){0,3}(?:vacated|deserted|abandoned)",
        r"took over (?:a |the )?(?:\w+ ){0,2}(?:vacated|abandoned|deserted)", r"without (?:a )?(?:fight|resistance|firing a shot)",
        r"sans combat", r"sans r[ée]sistance", r"r[ée]troc[ée]d\w+", r"remis(?:e)? (?:le contr[ôo]le|la base)",
        r"withdr(?:ew|awn) from (?:the )?(?:disputed |key )?(?:city|town|base|area|positions?)",
    ],
}

# Context cues ------------------------------------------------------------------------------
CUES: dict[str, list[str]] = {
    "military_target": [
        r"soldiers?", r"troops?", r"army", r"military(?! junta)", r"camp", r"base", r"barracks", r"patrol", r"(?:military|army) convoy",
        r"gendarm\w*", r"police(?:men|man)?", r"checkpoint", r"outpost", r"post", r"positions?", r"servicemen", r"officers?",
        r"security forces", r"defen[cs]e forces", r"\bVDP\b", r"militia", r"vigilantes?", r"peacekeepers?", r"Wagner",
        r"soldats?", r"militaires?", r"arm[ée]e", r"garnison", r"caserne", r"patrouille", r"gendarmerie", r"policiers?",
        r"forces de d[ée]fense", r"forces de s[ée]curit[ée]", r"\bFDS\b", r"\bFAMa\b", r"poste (?:militaire|de s[ée]curit[ée]|avanc[ée])",
        r"casques bleus", r"volontaires", r"d[ée]tachement", r"unit[ée] militaire", r"camp militaire", r"brigade",
        r"fighters", r"combattants", r"rebels?", r"rebelles?", r"militants", r"jihadists?", r"djihadistes?", r"terroristes?",
        r"insurgents", r"assailants", r"assaillants", r"gunmen", r"bandits",
    ],
    "state_side": [
        r"soldiers?", r"troops?", r"army", r"military(?! (?:junta|authorit\w+|government|leaders?|rulers?|regime|council|coup|takeover))",
        r"(?:park |forest |wildlife )?rangers", r"eco-?guards?", r"[ée]co-?gardes?", r"gardes? forestiers?", r"gendarm\w*", r"police", r"security forces", r"defen[cs]e forces?", r"(?<!Support )forces\b", r"\bbase\b", r"AMISOM", r"ATMIS", r"MINUSMA", r"military formation", r"barracks", r"outpost", r"garrison",
        r"soldats?", r"militaires?", r"arm[ée]e", r"gendarmerie", r"policiers?", r"forces de d[ée]fense", r"forces de s[ée]curit[ée]",
        r"\bFDS\b", r"\bFAMa\b", r"\bVDP\b", r"peacekeepers?", r"casques bleus", r"Wagner", r"camp militaire", r"military camp",
        r"army (?:camp|base|post)", r"checkpoint", r"(?:military|army) convoy", r"patrol", r"patrouille",
        r"convoi (?:militaire|de l'armée)", r"escorte militaire",
    ],
    "civilian_target": [
        r"civilians?", r"villagers?", r"residents?", r"worshippers?", r"farmers?", r"traders?", r"passengers?", r"travell?ers?",
        r"women", r"children", r"students?", r"pupils?", r"people", r"persons?", r"miners?", r"herders?", r"fishermen",
        r"church", r"mosque", r"market", r"village", r"wedding", r"school", r"displacement camp", r"IDP", r"aid workers?",
        r"civils?", r"villageois", r"habitants?", r"fid[èe]les", r"agriculteurs?", r"commer[çc]ants?", r"passagers?",
        r"femmes", r"enfants", r"[ée]l[èe]ves", r"personnes", r"orpailleurs", r"[ée]leveurs", r"p[êe]cheurs", r"[ée]glise",
        r"mosqu[ée]e", r"march[ée]", r"population", r"déplacés", r"chauffeurs?", r"drivers?", r"chief", r"chef (?:de village|coutumier)",
        r"imam", r"priest", r"pr[êe]tre", r"catechist", r"workers", r"employees", r"travailleurs", r"employ[ée]s", r"ouvriers",
    ],
    "armed_group": [
        r"gunmen", r"militants", r"jihadists?", r"insurgents", r"terrorists?", r"bandits", r"extremists", r"assailants",
        r"attackers", r"rebels?", r"fighters", r"hommes armés", r"individus armés", r"djihadistes?", r"jihadistes?",
        r"terroristes?", r"assaillants", r"rebelles?", r"insurg[ée]s", r"groupes? arm[ée]s?", r"armed (?:men|group)",
        r"Boko Haram", r"ISWAP", r"JNIM", r"al-Shabaab?", r"al-Shabab", r"Islamic State", r"[ÉE]tat islamique", r"EIGS",
        r"Ansarul", r"Katiba", r"herdsmen", r"gang",
    ],
    "modal": [
        r"could", r"would", r"might", r"(?-i:may)", r"plans? to", r"planned", r"planning", r"threat(?:en|ened|ens)?", r"warn(?:ed|s|ing)?",
        r"fears?", r"feared", r"risk", r"intends? to", r"vowed to", r"call(?:ed|s)? for", r"urged", r"aims? to", r"will",
        r"pourrait", r"pourraient", r"menac\w*", r"risque\w*", r"pr[ée]voi\w*", r"envisag\w*", r"appel(?:le|é|ait) à",
        r"vise à", r"compte", r"devrait", r"devraient", r"projet(?:te|tent)?", r"tent(?:e|ent|ait) de", r"not been",
        r"no one was", r"n'a pas", r"never", r"jamais", r"denied", r"démenti", r"prevent", r"avoid", r"éviter",
        r"condemn(?:ed|s)?", r"condamn[ée]\w*", r"mis(?:e)? en garde", r"\bif\b", r"in the event of", r"\bany\b", r"tolerate", r"en cas d['’]", r"wrongfully", r"unjustly", r"hop(?:e|ed|es|ing) to", r"want(?:s|ed)? to", r"wish(?:es|ed)? to",
        r"\bto$", r"\bva$", r"\bvont$", r"\bde$", r"\bd'$", r"voulai\w*", r"souhait\w*", r"in anticipation", r"expected to", r"en attendant",
    ],
    "generic": [
        r"since \d{4}", r"depuis \d{4}", r"over the (?:past|last) (?:\w+ )?(?:years?|decades?|months)", r"in recent (?:years|months)",
        r"thousands of (?:people|deaths|lives)", r"has been (?:battling|fighting|grappling)", r"have been (?:battling|fighting)",
        r"insurgency", r"a wave of", r"series of attacks", r"frequent(?:ly)?", r"regularly", r"increasingly", r"every year",
        r"depuis (?:des|plusieurs) (?:années|mois)", r"ces derni[èe]res ann[ée]es", r"r[ée]guli[èe]rement", r"s[ée]rie d'attaques",
        r"recrudescence", r"en proie", r"plagued", r"wracked", r"rocked by", r"ravaged by", r"ravag[ée]\w* par", r"since (?:the )?(?:start|beginning)",
        r"campaign", r"the conflict has", r"le conflit a", r"depuis le d[ée]but", r"years of", r"ann[ée]es de",
        r"this year", r"cette ann[ée]e", r"so far", r"jusqu'ici", r"in total", r"au total", r"more than \d{1,3},\d{3}",
        r"plus de \d{1,3} \d{3}", r"(?:deadliest|worst) (?:attack|massacre)", r"recent past", r"in recent (?:days|weeks)", r"the (?:second|third|fourth|fifth|latest in a) (?:time|series)",
        r"(?:war|conflict|insurgency) that has killed", r"fr[ée]quemment", r"ces derniers (?:jours|mois)",
        r"sometimes", r"often", r"(?:has|have) been (?:raging|occurring|taking place)", r"se poursui\w+ depuis", r"have been devastated", r"parfois", r"souvent",
        r"multiplication des", r"multiplient", r"de plus en plus", r"more and more", r"a string of", r"une série",
        r"(?:several|multiple|numerous|repeated|previous|successive) (?:\w+ )?(?:ceasefires|truces|agreements|deals)",
        r"(?:is|are) (?:needed|necessary|required)\b", r"(?:hundreds|thousands|millions) (?:have|had) (?:been killed|died)", r"plusieurs (?:cessez-le-feu|tr[êe]ves|accords)",
    ],
}

@cache
def cue(name: str) -> re.Pattern[str]:
    """The compiled union of one trigger or cue list."""
    words = TRIGGERS.get(name) or CUES[name]
    # modal words are whole words ("may", not "mayor"); triggers may be stems ("kidnapp\w*")
    end = r"(?!\w)" if name == "modal" else ""
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")" + end, re.IGNORECASE)
