"""CAMEO's code sets and conventions the coder applies (which roots are hostile, which acts
only a state does, which codes a recode rewrites)."""

from __future__ import annotations

PLACE_TARGET_ROOTS = {"06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20"}


# Threats, force postures, cuts, coercion and violence are aimed at whom their object names
# after "against/at"; words of disapproval are not ("condemned the attack on Kenya").
HOSTILE_ROOTS = {"13", "15", "16", "17", "18", "19", "20"}


# Acts a clause's subject shares with others, so a noun event before or after the clause is theirs too
SHARED_ACT_ROOTS = {"03", "04", "05", "06"}


THREAT_ROOT = "13"


APPEAL_ROOT = "02"


# urging others to back, defend or recognise a third party rallies support on its behalf (CAMEO 053)
BACKING_CODES = {"051", "052", "054"}


RALLYING_CODE = "053"


RALLYING_AGAINST_CODE = "113"


YIELDING_ROOTS = {"03", "04", "05", "06", "07", "08"}  # acts whose refusal CAMEO codes as 12x


# visits, cooperation, aid, yielding and cutting ties: between states, rarely a role and its own state
INTERSTATE_ROOTS = {"04", "05", "06", "07", "08", "16"}


# appeals and demands are aimed at whom they address, and leave to act at whom it is given
ADDRESSED_ROOTS = {"02", "10", "08"}


IRREGULAR_SECTORS = {"REB", "OPP", "CVL", "RAD", "CRM", "UAF"}  # no army: their force is CAMEO 18


UNIDENTIFIED_SECTOR = "UAF"


FORCE_ROOTS = {"18", "19", "20"}


STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}


# not CVL: "Palestinians and Israelis failed to agree on the fate of Palestinian offices" names peoples
ORGANISED_NON_STATE_SECTORS = {"REB", "OPP", "RAD", "CRM", "PTY", "MED", "BUS", "LAB", "EDU", "NGO", "REL", "ELI"}


# sides a people may face within its own state ("Bosnian Serbs demanded a truce with Moslem forces")
NON_STATE_SIDES = ORGANISED_NON_STATE_SECTORS | {"MUS", "CHR", "JEW", "HIN", "BUD", "UAF"}


PROTEST_ROOT = "14"


DEMAND_ROOT = "10"


CALLED_OFF_PROTEST = "082"  # easing dissent, like protest, is aimed at the government


VOICED_ROOTS = {"02", "10", "11"}  # appeals, demands and criticism a protest voices


# Acts whose purpose clause states their motive, not a second event ("staged rallies to demand
# reforms", "opened fire to disperse the crowd"): one event, aimed where the purpose points
MOTIVATED_ROOTS = {"14", "17", "18", "19", "20"}


# Curfews, martial law and emergency rule, and their easing: CAMEO codes them with no named
# target as aimed at the population of the state that imposes them
POPULATION_CODES = ("1723", "1724", "0813", "0814")


GENERIC_FORCE_CODES = {"180", "190", "193", "202"}


SHELLING_CODE, AERIAL_CODE = "194", "195"


# investigating, arresting, detaining, expelling and trying people are acts of a state
STATE_ONLY_ROOTS = {"09"}


STATE_ONLY_CODES = {"173", "174"}


POLICE_CODES = {"173"}


ATTACKER_ONLY_CODES = {"181", "185", "186"}  # abducting, trying to kill and killing a leader: never accidents


MOVEMENT_CODES = {"042", "150"}  # travel and deployment


PEACEKEEPING_CODE = "074"


WITHDRAWAL_CODES = {"087"}


PEACEKEEPERS_WITHDRAWN_CODE = "1661"
