"""Achievable: red flags that make a goal unrealistic, each explained; otherwise met.

Red flags:
- **absolute or perfect**: "never", "ever again", "forever", "always", "no exceptions",
  "every single", "perfect", "24/7", and zero or 100% outcome targets ("zero defects", "100%
  CSAT"). House rule: a zero or 100% target that is a process gate bounded to a project or
  a period ("zero lost-time incidents on the Harbour View project through handover",
  "inspect 100% of rooms before release") is not a red flag.
- **everyone, everything**: an outcome over an open population ("every customer", "every
  student gets an A", "everyone", "every possible question", "worldwide"); a population
  narrowed by a clause ("every student who slips below target") is fine.
- **scale far beyond the time frame**: a change of x-fold in d days (from "from X to Y", "2x",
  "double", "grow 300%", "cut 40%") above about 1.1x within 10 days, 1.25x within 40 days,
  2x within 100 days, 3x within 400 days, 5x within 800 days (reductions in a time or a
  backlog are read as reductions and allowed more); a large volume (20 or more hires, posts,
  contracts, stores ..., or 1M+ of money or users) within about a month; a broad scope ("all",
  "every", "entire") or several things within about a week; an undertaking that takes many
  months (making a business profitable, a multi-storey building, a new plant, rebuilding a
  whole function, a new warehouse or production line, a professional qualification, a SOC 2
  Type II report) within about 100 days; rewriting or replacing a whole system within a month.
- **a climb to the top of a bounded scale**: "from 92% to 99.99%" or "2.9 to 4.8 stars" closes most of
  the gap to the top: half of it within ~40 days or 80% within ~100 days is far beyond ordinary ranges
  (not for bad measures such as error or churn rates, which fall); **an activity rate** above what one person does in a day (~80 calls, chats or tickets; ~25 meetings or cases)
  (about 80 calls, chats or tickets, or 25 meetings or cases: "book 400 meetings next week"); **a professional qualification or a doctorate** within a year.
- **outside the person's control**: promotions, awards, prizes, grants, rulings, permits,
  patents, IPOs and exits, share price, press coverage, going viral, a named customer's deal,
  rankings and "best in the company"; "get / have <an outside party> <decide>" ("get Moody's to
  upgrade us", "have the council approve", but not "have the dashboards cover"); winning a
  tender, pitch, account, renewal or appeal; a regulator's clearance ("FDA clearance", "CQC-
  registered"); publication, lists and fame ("published in Nature", "the Forbes 30 Under 30 list",
  "a household name", "the go-to team").
- **no capacity**: "with no budget", "a 2-person team", "with 2 agents instead of 5", "I'm the only
  person on it", "without any extra help".
- **several goals in one**: the text holds several goals (see :mod:`feedbackai.goals.split`; an aim
  followed by its steps after a colon, or by a plan "I'll ...", is one goal).

Not red flags: a standing practice over a bounded period ("always get a second signature ... for the
rest of this quarter", "never start a shift without the checklist signed, through my placement"); a
zero / 100% / every target on the person's own process step (a check, scan, sign-off, audit,
induction) over a bounded period; "zero in on", "zero-based budget", "100% renewable", "100% of my
quota". The development sets for these rules are `corpora/goals/achievable_a.jsonl` and
`achievable_b.jsonl` (two independent writers); the test split was never used to write them.

No red flag: met, scored 1.0 when the goal states its baseline ("from 45 to 30", "up from",
"currently") and 0.7 otherwise (the stretch cannot be judged without a starting point).
"""

from __future__ import annotations

import re

from ..types import CriterionResult
from .context import Goal
from .dates import PER_ITEM
from .signals import (ABSOLUTE, EVERYONE, FROM_TO, HUNDRED, MULTIPLIER, NAMED_DEAL, OUTSIDE_CONTROL,
                      UP_FROM, WORD_MULT, ZERO, plain_number, targets)

_I = re.I
PEOPLE_POPULATION = re.compile(
    r"\b(?:every(?:\s+single)?(?:\s+one\s+of(?:\s+(?:the|our|my|their))?)?|each|100\s?%\s+of(?:\s+(?:the|our|my|their))?)\s+"
    r"(?:[\w-]+\s+){0,2}?"
    r"(customers?|clients?|students?|employees?|staff|people|persons?|guests?|partners?|reps?|deals?|lawsuits?|"
    r"tenders?|shoplifters?|regulations?|markets?|countr(?:y|ies)|services?|emails?|comments?|posts?|hazards?|"
    r"managers?|candidates?|patients?|users?|accounts?|children|child|kids|parents?|lawyers?|sites?|stores?|"
    r"compan(?:y|ies)|questions?|courses?|invoices?|orders?)\b(?!\s+(?:who|that|which|with|in\s+the\s+\w+\s+who))",
    _I)
# outcomes the person would have to cause in every member of an outside group: "get every senior into a
# four-year college", "make every body shop in the state a preferred partner", "get all our donors to give monthly"
POPULATION_CAUSED = re.compile(
    r"\b(?:get|make|have|persuade|convince|bring)\s+(?:every|all|each)(?:\s+(?:single|last))?(?:\s+one)?(?:\s+of)?"
    r"(?:\s+(?:the|our|my|their|its))?\s+(?:(?!(?:for|of|to|with|from|by|on|in|at)\b)[\w-]+\s+){0,4}?(seniors?|pupils?|students?|members?|famil(?:y|ies)|fans?|"
    r"schools?|shops?|business(?:es)?|suppliers?|donors?|voters?|residents?|buyers?|dealers?|franchisees?|customers?|"
    r"clients?|patients?|parents?|users?|employees?|partners?|players?)\b(?!['’]s)"
    r"(?!\s+(?:who|that|which|with|in\s+the\s+\w+\s+who))", _I)
OPEN_ALL = re.compile(r"\ball\s+(?:overdue\s+)?(hazards|customers|clients|guests|employees|students|patients|partners|invoices)\b(?!\s+(?:who|that))",
                      _I)
BOUNDED_GATE = re.compile(r"\b(on\s+the\s+[\w\s-]{1,40}?\s+project|through\s+(?:project\s+)?(?:handover|completion)|"
                          r"before\s+(?:release|starting\s+work|handover|go-live)|site\s+induction)\b", _I)
ZERO_OUTCOME = re.compile(r"(?<![\d.,])0\s?%|\bto\s+0\b(?![.,]\d|\s*%)|\beliminat\w*\s+(?:all|every|any)\b|\beradicat\w*|"
                          r"\bstop\s+all\b|\bavoid\s+(?:any|all)\b|\b(zero|to\s+zero|no\s+(?:single\s+)?(?:defects?|errors?|mistakes?|bugs?|incidents?|"
                          r"injuries|complaints?|escalations?|churn|accidents?|falls?|vacancies|snags|bad\s+reviews?|"
                          r"late\s+\w+|unit\s+ever)|not\s+(?:a|one)\s+single|never)\b", _I)
PROCESS_GATE = re.compile(r"\b(train(?:ed|ing)|induct(?:ed|ion)|certified|certification|onboard(?:ed|ing)|"
                          r"complete[sd]?\s+(?:the\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,3}(?:training|course|induction|module|"
                          r"checklist|review|appraisal)|inspect(?:ed|ion)?|patch(?:ed)?|back(?:ed)?\s+up)\b", _I)
_END = r"(?=\s*(?:[,.;:)]|$|\b(?:and|or|to|for|by)\b))"     # the end of a noun phrase
CONSTRAINT = re.compile(r"\b(with\s+(?:no|zero)\s+(?!agency\b)(?:\w+\s+)?(?:budget|staff|team|help|lead\s+investor|resources?|headcount|"
                        r"hires|people)"
                        + _END + r"|"
                        r"with\s+the\s+same\s+(?:budget|team|headcount|staff)|with\s+a\s+(?:\w+\s+)?team\s+of\s+(?:one|two|three|\d)\b|"
                        r"without\s+adding\s+\w+|as\s+a\s+new\s+hire|no\s+lead\s+investor|on\s+(?:a\s+)?zero\s+budget|"
                        r"(?:with|and|,)\s+no\s+(?!agency\b)(?:[\w-]+\s+)?(?:funding|budget|tutors|venues?|distributor|staff)(?=\s*(?:[,.;)]|$|and\b|or\b))|"
                        r"without\s+(?:any\s+)?(?:extra|additional|more)\s+(?:help|staff|people|budget|resources)(?!\s+by\s+\S+ing)|"
                        r"with\s+one\s+part-time\s+\w+)\b", _I)
# a small team or a lone person: a red flag only beside a volume or scale that needs more
SMALL_TEAM = re.compile(r"\b(?:with\s+(?:only\s+|just\s+)?(?:a\s+|our\s+|the\s+|my\s+)?(?:current\s+|usual\s+|existing\s+)?(?:[1-3]|one|two|three)[- ]"
                        r"(?:person|people|man|strong)\s+(?:[\w-]+\s+)?team|(?:me\s+as|i'm|i\s+am)\s+the\s+only\s+(?:person|developer|"
                        r"engineer|one)|(?:with|w/)\s+(?:the\s+|our\s+|my\s+)?(?:existing|current|usual)\s+(?:team|crew)\s+of\s+(?:[1-6])|"
                        r"by\s+myself|on\s+my\s+own|single-?handedly)\b", _I)
# --- outcomes decided by someone else, however worded (development sets achievable_a/b, 2026-11-26)
# "get / have X do Y" where X is an outside party (a customer, a regulator, a board, the press),
# not the person's own team.
_OWN = (r"(?:team|teams|staff|crew|reports|colleagues|everyone|students?|kids|nurses|engineers|agents|reps|clerks|"
        r"trainees|apprentices|new\s+starters|juniors|managers|squad|ward|department|dept|class|pupils)")
CAUSATIVE = re.compile(
    r"\b(?:get|have|persuade|convince|make(?=\s+(?-i:[A-Z])))\s+(?:the\s+|our\s+|my\s+|a\s+)?"
    r"(?P<party>(?:[\w'’&.-]+\s+){0,4}?)(?:to\s+)?(?:sign(?!\s+up)|signs(?!\s+up)|approve|clear|list|rate|upgrade|drop|cut|stop|"
    r"fund|award|accept|find|publish|buy|renew|choose|select|pick|sponsor|invest|agree|grant|lift|waive|register|rank|"
    r"feature|cover|make\s+us|name\s+us|rule|settle|pay\s+for|grade|stock|carry|adopt|issue|close\s+(?:its|the)\s+(?:[\w-]+\s+){0,3}?(?:inquiry|investigation|review|case)|"
    r"prescrib(?:e|ing)|stocking|endorse|certify|accredit|shortlist|offer|commission|uphold|vote|give|move|donate|"
    r"pick\s+up|hire|promote|add|qualify|include)\b", _I)
OUTSIDE_PARTY = re.compile(
    r"\b(?:clients?|customers?|buyers?|board|judge|court|jury|regulators?|council|minister|inspectors?|auditors?|landlord|"
    r"investors?|bank|press|paper|journalists?|editors?|panel|committee|government|authority|ombudsman|union|"
    r"retailers?|funders?|donors?|main\s+contractor|insurers?|notified\s+body|commission|inspectorate|tribunal|"
    r"association|department\s+for|head\s+of\s+procurement|procurement\s+team\s+at|"
    r"(?-i:MHRA|FDA|EMA|CQC|Ofsted|Ofgem|Ofwat|Ofcom|FCA|PRA|SEC|CMA|HMRC|HSE|ICO|EPA|OSHA|FAA|CAA|NICE|DfE)|"
    # regulators, accreditors and raters elsewhere (2026-11-27, ninth session, smart_e): India, Africa, the Gulf,
    # South-East Asia, Latin America, Australia, Japan, China; a municipality; WHO prequalification; hospital and
    # airline accreditors and raters
    r"municipality|municipal\s+corporation|(?-i:WHO|DCGI|CDSCO|DGCA|FSSAI|SEBI|RBI|IRDAI|TRAI|NABH|PPB|KEBS|NAFDAC|"
    r"SAHPRA|TGA|PMDA|NMPA|ANVISA|SFDA|HSA|BPOM|JCI|Skytrax|Health\s+Canada|"
    # (tenth session, smart_h) regulators, competition authorities and public payers in Latin America, Europe,
    # East Asia, North Africa and North America; customs; works councils and rating agencies
    r"COFEPRIS|IMSS|CADE|BaFin|Bundeskartellamt|BfArM|ANSM|MHLW|JFTC|MFDS|KFTC|SAMR|ACCC|APRA|ASIC|Medsafe|"
    r"FTC|FCC|FERC|FMCSA|OSFI|CNBV|INVIMA|DIGEMID|ANMAT))\b|\b(?:customs(?:\s+service|\s+authority)?|"
    r"competition\s+(?:authority|bureau)|antitrust|works\s+council|rating\s+agency|tax\s+authority)\b", _I)
# one named or definite contest ("win the Barclays pitch", "land the Acme renewal"), not a count of them:
# "win 5 new accounts this quarter" is a salesperson's ordinary target
WIN_CONTEST = re.compile(r"\b(?:win(?!\s+rates?\b)|land|clinch|bag)\s+(?:back\s+)?(?!the\s+(?:trust|confidence|respect)\b)"
                         r"(?:the\s+|(?-i:(?=[A-Z])))(?:(?!of\b)[\w'&.-]+\s+){0,4}?"
                         r"(?:tender|bid|contract|account|pitch|renewal|deal|framework|mandate|rfp|appeal|tribunal|hearing|lawsuit|"
                         r"arbitration|listing|league|title|cup|championship|grant|premiership|pennant|playoffs|summary\s+judgment|"
                         r"judgment|verdict|election|case(?!\s+(?:management|stud\w+|files?|notes?|load|work|system|handling|review))|"
                         r"trial(?!\s+(?:run|period|balance|account|version|licen[cs]e|of)))\b|\bsecure\s+(?:a\s+|the\s+|my\s+)?"
                         r"(?:[\w£$€.-]+\s+){0,3}?(?:seat|transfer|promotion|secondment|nomination|grant|listing)\b|"
                         r"\bfind\s+in\s+(?:our|my)\s+favou?r\b|\b(?:get|be)\s+offered\s+(?:a|the|my)\b|"
                         # one named buyer's decision: "land Tesco as a customer", "sign Siemens as a client"
                         r"\b(?:land|win|sign|bring\s+in)\s+(?-i:[A-Z][\w&'’.-]*)(?:\s+(?-i:[A-Z][\w&'’.-]*)){0,3}\s+as\s+"
                         r"(?:a|an|our)\s+(?:new\s+|key\s+)?(?:customer|client|account|stockist|distributor)\b"
                         r"(?!\s+(?:manager|owner|lead|services|executive|director|rep|representative|success|advis\w+|"
                         r"handler|partner|admin\w*|coordinator|co-ordinator|officer))", _I)
# the person's own paperwork for a decision ("the planning approval pack"), not the decision itself
_PAPERWORK = (r"(?:application|submission|pack|checklist|documents?|paperwork|evidence|dossier|forms?|turnaround|renewal|"
              r"process|timeline)")
# a regulator's or authority's decision (not the person's own paperwork for it)
REGULATOR_DECISION = re.compile(
    r"\b(?:FDA|MHRA|EMA|CQC|Ofsted|Ofgem|Ofwat|FCA|SEC|CMA|regulator'?s?|regulatory|planning|building[- ]regs?|council|"
    r"ministry|minister|government)\s+(?:[\w-]+\s+){0,2}?(?:clearance|approval|sign-?off|accreditation|registration|"
    r"permission|consent|licen[cs]e)\b(?!\s+" + _PAPERWORK + r")|\b(?:CQC|FDA)[- ]?(?:registered|cleared|approved)\b|"
    r"\bCE[- ]mark(?:ing)?\s+(?:approval|certification)\b(?!\s+" + _PAPERWORK + r")", _I)
# approved, registered or adjudicated by an outside body as the whole goal ("Get my clearance adjudicated by
# DCSA", "Get the variety registered with the seed authority"; not "Get the training budget approved by Friday")
GOT_DECIDED = re.compile(r"^\W*(?:get|have)\s+(?:[\w'’&.-]+\s+){1,8}?(?:approved|adjudicated|registered|upheld|"
                         r"accredited|prequalified|included|listed)\b", _I)
# an outside body named by its acronym ("the DMRE", "SARB"); not a role or one of the organisation's own systems
# ("Get the new hires registered on the LMS")
_ACRONYM = (r"(?-i:(?!(?:CEO|CFO|COO|CTO|CIO|CHRO|CMO|SVP|EVP|PMO|ELT|SLT|CAB|ARB|"
            r"LMS|CRM|ERP|HRIS|ATS|WMS|TMS|EHR|EMR|POS|CMS|SAP|API|ITSM|IAM|SSO|VPN|SharePoint|Jira)\b)[A-Z]{3,})")
ACRONYM_BODY = re.compile(r"\b" + _ACRONYM + r"\b")
OUTSIDE_BODY = re.compile(r"\b(?:state|federal|court|regulator|authority|office|agency|ministry|department|government|"
                          r"council|commission|board\s+of|" + _ACRONYM + r")\b", _I)
# a regulator's approval as the whole goal: "Obtain FAA supplemental type certificate approval for the pod"
REGULATOR_GOAL = re.compile(r"^\W*(?:obtain|secure|get|receive|gain)\s+(?:[\w'’-]+\s+){0,6}?(?:approval|clearance|"
                            r"certificat(?:e|ion)\s+approval|accreditation|registration|prequalification|"
                            r"(?:\d[- ]star\s+)?rating)\b", _I)
# someone else's decision, in the passive: "recommended by NICE", "rezoned by the council", "funded by the DfE"
DECIDED_BY = re.compile(r"\b(?:recommended|rezoned|approved|awarded|funded|endorsed|accredited|ratified|selected|chosen|"
                        r"shortlisted|commissioned)\s+by\s+(?:the\s+)?(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|"
                        r"sat|sun|q[1-4]|h[12]|fy|easter|christmas|xmas|end|eo[ymqw]|spring|summer|autumn|winter|next|this|"
                        r"ceo|cfo|coo|cto|cio|chro|cmo|svp|evp|vp|pmo|elt|slt|exco|hr)\w*\b)"
                        r"(?-i:[A-Z][\w&'’-]*)|\b(?:get|gain|secure|win)\s+"
                        r"(?:[\w-]+\s+){0,2}?buy-?in\b|\bpresident'?s\s+club\b|\b(?:have|get)\s+the\s+law\s+changed\b|"
                        r"\bchange\s+the\s+law\b", _I)
# a ranking against others: "the #1 rated hotel in Lisbon", "the best team in the region", "the happiest shift in the Trust"
RANKED = re.compile(r"\b(?:be|become|being|remain|stay|are|is|make\s+(?:us|it|our\s+\w+|the\s+\w+|"
                    r"(?!(?:time|changes?|notes?|cover|sure|room|space|calls?|contact|plans?)\b)\w+"
                    r"(?:\s+(?!(?:for|to|on|in|at|of|with|about|from|by|into)\b)\w+)?))\s+"
                    r"(?:#\s?1\b|\bnumber\s+one\b|\bthe\s+(?:best|most\s+\w+|\w+iest|top(?!\s+\d))\b)\s+(?:[\w-]+\s+){0,3}?"
                    r"(?:in|on|across)\s+(?:the\s+|our\s+|my\s+)?(?:region|trust|business|company|firm|world|industry|country|"
                    r"city|area|group|market|sector|charts?|league|network|division|organi[sz]ation|system|district|state|province|"
    r"county|service|chain|(?-i:[A-Z]\w+))\b", _I)
# a grade or category awarded by an inspectorate, regulator or assessor ("an Outstanding Ofsted judgement",
# "out of special measures", "Investors in People Platinum", "a 4-star EPA rating", "Segment 1 of the NHS
# Oversight Framework")
INSPECTION_GRADE = re.compile(
    r"\b(?:outstanding|good|requires\s+improvement|aa\+?|[1-5][- ]star|platinum|gold|segment\s+\d)\b[^.;]{0,30}?"
    r"\b(?:ofsted|cqc|peel|hmicfrs|epa|brcgs|gphc|oversight\s+framework)\b|"
    r"\b(?:ofsted|cqc|peel|epa|brcgs|gphc|investors\s+in\s+people)\b[^.;]{0,30}?\b(?:judgement|rating|grade|"
    r"platinum|gold|silver|outstanding|accreditation)\b|\bout\s+of\s+(?:special\s+measures|[\w\s]{0,12}['\"‘’]?requires\s+improvement)|"
    r"\b(?:re-?)?accreditation\s+(?:[\w\s]{0,20}?)by\s+the\s+(?-i:[A-Z]{2,})|\bnice\s+approved\s+list", _I)
# a ranking against others, however worded: "become the largest producer", "a world leader", "1st place in the NSS"
RANK_BECOME = re.compile(
    r"\b(?:become|be)\s+(?:the\s+|a\s+|an\s+|our\s+)?(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:best|largest|biggest|greenest|favourite|favorite|most[\s-]\w+|fastest|cheapest|highest[\s-]rated|top[\s-]rated|"
    r"world\s+leader|market\s+leader)\b|\b(?:reach|take|finish\s+in|win)\s+(?:the\s+)?(?:1st|first)\s+place\b", _I)
# an appointment others make: "become a partner at the practice", "become Executive Headteacher", "a royal patron"
APPOINTMENT = re.compile(
    r"\bbecome\s+(?:a\s+|an\s+|the\s+)?(?:partner|director|head(?:teacher)?|executive\s+\w+|principal|chief\s+\w+|"
    r"ceo|cfo|coo|cto|vp|vice[\s-]president|professor|(?:senior\s+)?partner)\b|\bsecure\s+a\s+royal\s+patron|"
    r"\btake\s+on\s+(?:my|the)\s+(?:manager|boss)['’]?s\s+(?:job|role)|"
    # (fourth full-SMART writer) "make equity partner", "get tenure", "get re-elected", "get selected as ...",
    # "land the branch manager job"
    r"\bmake\s+(?:equity\s+|full\s+|salaried\s+|senior\s+)?partner\b|\b(?:get|gain|earn|receive|be\s+granted)\s+tenure\b|"
    r"\b(?:get|be)\s+(?:re-?)?elected\b|\bwin\s+(?:re-?)?election\b|\bget\s+selected\s+(?:as|for)\b|"
    r"\bland\s+the\s+(?:[\w-]+\s+){0,3}?(?:job|role|post|position)\b", _I)
# a goal that is only someone else's decision: "Get Cardivex added to the Kaiser formulary", "Get my clearance
# adjudicated by DCSA", "Get the documentary picked up by Netflix"; and one named buyer: "close the sale of the
# penthouse to the Nguyen family", "land a supply contract with Ford"
OTHERS_DECIDE = re.compile(
    r"^\W*(?:get|have)\s+(?:[\w'’&.-]+\s+){1,8}?(?:picked\s+up\s+by|passed\s+by|"
    r"added\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?formulary)\b|"
    r"\b(?:close\s+the\s+sale\s+of|sell)\s+(?:[\w'’$.,-]+\s+){1,8}?to\s+(?:the\s+)?(?-i:[A-Z][\w'’&.-]*)|"
    r"\b(?:land|win|sign)\s+(?:a|the)\s+(?:[\w-]+\s+){0,3}?(?:contract|deal|account)\s+with\s+(?-i:[A-Z])|"
    r"\branked\s+(?:in|among)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?top\s+\d+|\bwin\s+summary\s+judgment\b", _I)
# decided by a court, a jury, a panel, a league or a critic (2026-11-27, tenth session, from smart_g): "a favourable
# Federal Court ruling", "a not guilty verdict", "win the eviction matter", "be awarded an ARC grant", "win the Grand Slam",
# "get our club into Division 1A", "95 points from Parker", "the contract signed by the state govt"
DECIDED_ELSEWHERE = re.compile(
    r"\b(?:favou?rable|successful|positive)\s+(?:[\w-]+\s+){0,3}?(?:ruling|verdict|judg(?:e)?ment)\b|"
    r"\b(?:not\s+guilty|guilty)\s+verdict\b|\bwin\s+(?:the\s+|our\s+|this\s+)?(?:[\w'’-]+\s+){0,4}?(?:matter|case|trial|"
    r"lawsuit|litigation|arbitration)\b(?!\s+(?:file|bundle|prep|preparation|management))|"
    r"\bbe\s+awarded\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,5}?(?:grant|fellowship|prize|award|medal|contract|tender)\b|"
    r"\b(?:win|secure|get|land|obtain)\s+(?:an?\s+|the\s+|our\s+)?(?:[$£€]?[\w'’,.-]+\s+){0,5}?(?:grant|fellowship|fast-?start)\b"
    r"(?!\s+(?:application|bid|proposal|submission|report|paperwork))|"
    r"\bwin\s+(?:the\s+|a\s+|at\s+least\s+one\s+|our\s+)?(?:[\w'’-]+\s+){0,4}?(?:grand\s+slam|trophy|trophies|title|"
    r"championship|premiership|league|cup|medal|pennant|flag|shield)\b|"
    r"\b(?:get|take|lead)\s+(?:our|the|my)\s+(?:club|team|side|squad)\s+(?:into|to|back\s+(?:into|to))\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:division|league|premiership|championship|final|finals|playoffs)\b|"
    r"\b(?:score|points|rating|review|medal)\s+from\s+(?-i:[A-Z][\w'’.-]+)|"
    r"\bsigned\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:gov(?:ernmen)?t|council|minister|client|customer|regulator)\b|"
    # (smart_i and smart_j) juries and judges, investors, organisers, one's own evaluator and employer
    r"\bwin\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,4}?(?:award|webby|emmy|oscar|grammy|lion|poll|hackathon|competition|"
    r"contest|prize)\b|\bemployee\s+of\s+the\s+(?:month|year)\b|\btop\s+of\s+the\s+leaderboard\b|"
    r"\binvited\s+to\s+(?:speak|present|keynote)\b|\bkeynote\s+slots?\b|"
    r"\braise\s+(?:an?\s+|the\s+|our\s+)?(?:[$£€]?[\d.,]+\s*(?:[mk]|bn|million)?\s+)?(?:pre-?seed|seed|series\s+[a-f]|funding\s+round)\b|"
    r"\bclose\s+(?:the|our)\s+(?:[\w-]+\s+){0,3}?(?:funding|seed|series\s+[a-f]|investment)\s+round\b|"
    r"\bclose\s+the\s+funding\s+round\b|\bget\s+(?:a\s+)?(?:raise|pay\s+rise|pay\s+increase)\b|\bget\s+hired\b|"
    r"\brated\s+['\"‘“]?(?:meets|exceeds|outstanding|strong)\b|['\"‘“](?:meets|exceeds)\s+expectations['\"’”]", _I)
# other people's feelings: "get the whole team to love Jira", "make sure everyone on the team is happy"
OTHERS_FEELINGS = re.compile(r"\b(?:everyone|everybody|evry1|every1|(?:the\s+)?whole\s+\w+|all\s+(?:the\s+|my\s+|our\s+)?\w+|"
                             r"every\s+\w+)"
                             r"\s+(?:[\w-]+\s+){0,4}?(?:(?:is|are|be|feel|feels)\s+(?:\w+\s+)?(?:happy|happier|motivated|delighted)|"
                             r"to\s+love|loves?\s+(?!to\b))|\bmake\s+(?:everyone|everybody|the\s+whole\s+\w+|all\s+\w+|"
                             r"every\s+\w+)\s+(?:[\w-]+\s+){0,3}?(?:happy|happier|love|feel\s+(?:valued|heard|appreciated|"
                             r"respected|supported|welcome|included))\b|\b(?:my|our|the)\s+(?:students|kids|pupils|team|staff|"
                             r"customers|patients|residents|clients|guests)\s+to\s+love\b", _I)
# a venue of the person's own organisation: "featured in the Engineering Weekly newsletter" is not press
INTERNAL_VENUE = re.compile(r"\b(?:internal|newsletter|handbook|roadmap|website|intranet|wiki|confluence|sharepoint|"
                            r"section|page|log|tracker|register|catalogue|menu|rota|all\s+hands|town\s+hall)\b", _I)
PAPERWORK_NOUN = re.compile(r"\s*" + _PAPERWORK + r"\b", _I)
PAPERWORK_VERB = re.compile(r"\b(?:submit|prepare|apply\s+for|complete|chase|draft|compile|renew)\b(?:\s+\S+){0,5}\s*$", _I)
# press, publication, lists and rankings, fame (capitals are real capitals: a name follows)
_CAP = r"(?-i:[A-Z])"
RECOGNITION = re.compile(
    r"\b(?:published\s+in\s+" + _CAP + r"|publish\s+(?:[\w-]+\s+){0,4}in\s+(?:Nature|Science|The\s+Lancet|Cell|the\s+" + _CAP
    + r"\w+)|accepted\s+(?:at|by|to|in(?:to)?|for)\s+" + _CAP + r"|feature[ds]?\s+in\s+(?:the\s+)?" + _CAP + r"|write-?up\s+in|"
    r"(?:press|media|news)\s+coverage\s+in\s+(?:the\s+)?" + _CAP + r"|named\s+(?:in|on|among)\s+(?:the\s+)?[\w'’]+(?:\s+[\w'’]+){0,4}\s+(?:list|ranking|index)|"
    r"listed\s+(?:in|on|among)\s+(?:the\s+)?" + _CAP + r"|magic\s+quadrant|league\s+tables?|"
    r"(?<=\s)(?!(?i:seo|google|search|app)\b)(?-i:[A-Z][\w&'’]*)\s+(?:[\w-]+\s+){0,2}?rankings?\b|"
    r"(?:into|make|reach|crack)\s+(?:the\s+)?top\s+\d+\b|band\s+1\b|household\s+name|"
    r"(?:make|become|be)\s+(?:[\w-]+\s+){0,4}?the\s+industry\s+standard|"
    r"talk\s+of\s+the\s+town|go-to\s+(?:firm|brand|supplier|partner)|"
    r"(?:get|be|being|finally)\s+recogni[sz]ed(?!\s+as\b)|quoted\s+in\s+(?:the\s+)?" + _CAP + r"|"
    r"coverage\s+(?:[\w-]+\s+){0,6}?is\s+positive|(?:be|get|getting)\s+(?:us\s+)?shortlisted|"
    r"(?:make|into|onto)\s+the\s+(?:[\w'’£$-]+\s+){0,6}?shortlist\b|"
    r"(?:make|be\s+(?:named\s+)?on|get\s+(?:us\s+)?(?:on|onto|into)|get\s+(?:[\w'’-]+\s+){1,5}?(?:onto|into))\s+the\s+(?-i:(?:[A-Z0-9][\w'’-]*\s+){1,6})(?:\w+\s+)?list\b|"
    r"(?:into|onto|reach|make)\s+the\s+(?-i:[A-Z][\w'’-]*\s+)(?:[\w'’-]+\s+){0,2}?top\s+tier\b)", re.I)
# A standing practice with an end ("always log calls in the CRM the same day, this quarter", "never skip
# the pre-op checklist for the rest of my placement"): the absolute is about a practice of the person's
# own, named by its verb, over a bounded period, so a miss is a lapse to fix, not an impossible target.
# Outcomes ("never miss a deadline this year", "always exceed my target") stay red flags.
PRACTICE_ABSOLUTE = re.compile(
    r"(?:always|never|no\s+exceptions?|without\s+exception|every\s+single)", _I)
PRACTICE_VERB = re.compile(
    r"\s+(?:\w+\s+)?(?:log|record|report|check|double-check|sign|take|have\s+a\s+second|start|skip|leave|"
    r"merge|send|update|wear|follow|run|reply|respond|approve|bring|do|use|hand\s+over|document|cc|copy|book|lock|label|"
    r"back\s+up|put|ask|confirm|file|save|submit|escalate|share|close|test|read|let|ship|release|deploy|push|go|give|"
    r"walk|count|scan|write|call|brief|circulate|get|publish|post|attend|finish|prepare|hold|invite|tidy|clean|restock|"
    r"chase|notify|inform|greet|answer|return|know|keep)\b", _I)
PERIOD = re.compile(
    r"\b(?:(?:for\s+)?the\s+rest\s+of|this|next|during|throughout|through(?:\s+to)?|until|till|over|for\s+the\s+duration\s+of|"
    r"for|in)\s+(?:the\s+|my\s+|our\s+|this\s+)?(?:[\w-]+\s+){0,3}?(?:quarter|half|year|term|semester|month|sprint|"
    r"season|shifts?|rotation|placement|project|job|contract|launch|peak|period|pilot|programme|program|handover|"
    r"completion|go-live|deal|build|q[1-4]|h[12]|fy\s?\d+)\b|\buntil\s+(?:it\s+ships|completion|handover|go-live)\b", _I)
OUTCOME_WORDS = re.compile(r"\b(?:incidents?|defect\w*|mistakes?|errors?|complaints?|injur\w+|accidents?|bugs?|sued|"
                           r"lawsuits?|happy|love|churn|outages?|sell\s+out|sold\s+out|fail\w*|lose|lost|vacanc\w+|"
                           r"safe|accura\w+|uptime|scores?|csat|nps|top-box|miss(?:ed|es)?|exceed\w*|beat|over\s+budget|"
                           r"on\s+time|late|stock-?outs?|run\s+out|falls?|negative\s+reviews?|bad\s+reviews?|drop(?![-\s]offs?\b)\w*|"
                           r"targets?|quota|deadlines?|findings|breach\w*|sick|rework|escapes?|near[- ]miss\w*|(?:5|five)-star|stars?|"
                           r"ratings?)\b", _I)
# an outcome word that is what the practice records is not an outcome target ("always log errors in Jira")
RECORDED = re.compile(r"\b(?:log|record|report|raise|document|triage|capture)\s+(?:\w+\s+){0,3}$", _I)
# the person's own process steps: a zero or 100% (or "every") target on them, bounded, is a gate they run
PROCESS_STEP = re.compile(r"\b(?:scan(?:ned)?|photograph(?:ed)?|signed?[- ]off|(?:counter)?signed|logged|documented|"
                          r"audit(?:ed)?|checked|checks?|screen(?:ed|ing)?|reconcil\w*|(?:3|three)-way\s+match|matched|"
                          r"briefings?|verif\w+|inspect(?:ed|ions?)?|patch(?:ed)?|backed\s+up|back\s+up|"
                          r"induct(?:ed|ion)|checklist|permit|appraisals?)\b(?!\s+(?:findings|non-?conformances|failures))", _I)
# 100% of the items of one's own queue handled by one's own action, over a bounded period ("review 100% of
# flagged claims within 5 working days during Q4", "100% of new client files opened within 48 hours, through
# to year end"): a service level the person runs, like a process step; not when it is round the clock,
# regardless of the case, or an outcome ("100% of accounts renew", "100% on time")
OWN_ACTION = (r"(?:review|triage|send|reply|respond|log|record|complete|close|assign|open|unload|process|file|call|"
              r"contact|acknowledge|chase|label|test|set\s+out|book|update|issue|return|answer|visit|quote|invoice|"
              r"pack|dispatch|despatch|pick|mark|grade|assess|follow\s+up|sign|count|weigh|clean|check)")
OWN_ACTION_BEFORE = re.compile(r"\b" + OWN_ACTION + r"(?:s|ed|d)?\b(?:\s+(?:out|up|to|on|in))?(?:\s+[\w'’-]+){0,4}?\s+(?:to\s+|for\s+|of\s+)?$", _I)
OWN_ACTION_AFTER = re.compile(r"^\s*of\s+(?:[\w'’-]+\s+){0,4}?(?!(?:deals?|sales?|accounts?|contracts?|bids?|tenders?|renewals?|"
                              r"offers?|candidates?|customers?|clients?|patients?|students?)\s)[\w'’-]+\s+"
                              r"(?:are\s+|get\s+)?(?:reviewed|triaged|sent|replied\s+to|logged|"
                              r"recorded|completed|closed|assigned|opened|unloaded|processed|filed|called|contacted|"
                              r"acknowledged|chased|labell?ed|tested|booked|updated|issued|returned|answered|visited|"
                              r"quoted|invoiced|packed|dispatched|despatched|picked|marked|graded|assessed|signed|"
                              r"counted|weighed|cleaned|checked|keyed|entered|posted|uploaded|scanned|triaged)\b", _I)
UNBOUNDED_SERVICE = re.compile(r"\b(?:24/7|24\s*x\s*7|round\s+the\s+clock|always|forever|indefinitely|in\s+perpetuity|regardless|no\s+exceptions?|"
                               r"without\s+exception|every\s+single)\b", _I)


def _own_action(text: str, m: re.Match[str]) -> bool:
    """The 100% counts items the person handles with their own action, named right before it ("triage
    100% of P1 alerts") or right after ("100% of inbound trailers unloaded")."""
    if UNBOUNDED_SERVICE.search(text):
        return False
    if not re.match(r"\s*of\b", text[m.end():], _I):
        return False             # "take the fit-out from 70% complete to 100%": not a share of items
    before = " ".join(text[:m.start()].split()[-6:]) + " "
    return bool(OWN_ACTION_BEFORE.search(before) or OWN_ACTION_AFTER.match(text[m.end():]))


# activities counted per day: more than ~80 calls, chats or tickets, or ~25 meetings or cases, a day is far beyond one person
ACTIVITY = re.compile(r"(?:[\w-]+\s+){0,3}?(?:calls|meetings|demos|interviews|visits|claims|chats|tickets|cases|"
                      r"appointments|inspections|assessments)\b", _I)
TEAM_SCALE = re.compile(r"\b(?:as\s+a\s+team|team\s+of\s+\d+|across\s+the|contact\s+cent(?:re|er)|department|daily|weekly)\b", _I)
# professional qualifications and doctorates take years, not months (unless this is the last step)
LONG_QUALIFICATION = re.compile(
    r"\b(?:qualif(?:y|ied)\s+as\s+an?|fully\s+qualified|become\s+an?)\s+(?:[\w-]+\s+){0,2}?(?:chartered\s+)?(?:solicitor|"
    r"lawyer|barrister|accountant|actuary|surveyor|doctor|surgeon|pharmacist|cpa|aca|acca|cfa)\b|"
    r"\b(?:complete|finish|get)\s+a\s+(?:phd|doctorate)\b", _I)
LAST_STEP = re.compile(r"\b(?:final|last|remaining|finish|submit\w*|corrections?|viva|by\s+passing|sqe2|application)\b", _I)
SHORT_WINDOW = re.compile(r"\b(?:in|within)\s+a\s+fortnight\b", _I)
_SYSTEM = (r"(?:platform|system|codebase|stack|app|website|site|erp|crm|backend|infrastructure|estate|database|monolith|"
           r"data\s+warehouse|data\s+platform|lakehouse|mainframe)")
FROM_SCRATCH = re.compile(r"\b(?:rewrite|re-?write|migrate|replace|rebuild|re-?platform)\s+(?:and\s+\w+\s+)?(?:the\s+|our\s+|my\s+|all\s+)?"
                          r"(?:entire|whole)\s+(?:[\w-]+\s+){0,3}?" + _SYSTEM + r"\b|\b" + _SYSTEM
                          + r"\s+(?:[\w-]+\s+){0,4}?from\s+scratch\b", _I)
NEW_FACILITY = re.compile(r"\b(?:build|construct)\s+(?:and\s+\w+\s+)?(?:a\s+|an\s+|the\s+|our\s+)?"
                          r"(?:new\s+|second\s+|third\s+)?(?:(?:[\d,.]+\s*(?:sq\s*m|sq\.?\s*ft|m2)\s+)?(?:[\w-]+\s+)?"
                          r"(?:warehouse|wing|factory|plant|hotel|school|hospital)|(?:production|bottling|assembly|packing)\s+line|"
                          r"[\d,.]+\s*(?:sq\s*m|sq\.?\s*ft|m2)\s+extension)(?!['’]s)(?=\s*(?:[,.;]|$|\b(?:in|at|by|for|on|and|with|from|before|this|next|to)\b))|"
                          r"\bopen\s+(?:two|three|four|five|\d+)\s+new\s+(?:[\w-]+\s+)?(?:restaurants|stores|shops|branches|sites|"
                          r"clinics|offices|outlets)\b|\bsoc\s*2\s+type\s+(?:ii|2)\b|\b(?:full|complete|entire)\s+migration\s+of\s+(?:[\w-]+\s+){0,4}?(?:platform|system|estate|core)\b|"
                          r"\bpass\s+all\s+(?:\w+\s+){0,2}?(?:cpa|aca|acca|cfa|bar|actuarial)\s+(?:\w+\s+)?(?:exams?|sections|papers)\b|\bblack\s+belt\b|"
                          r"\bfrom\s+design\s+to\s+(?:opening|launch|completion)\b|\blearn\s+to\s+code\s+and\b", _I)
INSTEAD_OF = re.compile(r"\b(?P<b>\d+(?:\.\d+)?)\s*(?P<u>[a-z]+)?\s+instead\s+of\s+(?P<a>\d+(?:\.\d+)?)\s*(?P<ua>[a-z]+)?", _I)
FEWER_PEOPLE = re.compile(r"\bwith\s+(?P<b>\d+)\s+(?:[\w-]+\s+)?(?:agents|people|staff|engineers|nurses|officers|drivers|"
                          r"pickers|operatives|reps|cooks|chefs|teachers)\s+instead\s+of\s+(?P<a>\d+)\b"
                          r"(?!\s+(?:\w+\s+){0,3}?(?:by\s+\w+ing|after|through|using)\b)", _I)

# Undertakings that take a company or a project team many months whatever the wording: turning
# a business profitable, a multi-storey building, a new plant or hospital, rebuilding a whole
# function. Within about three months they are far beyond the time frame.
BIG_UNDERTAKING = re.compile(
    r"\b(profitable|profitability|break-?even|turn\s+a\s+profit|\d+[- ]stor(?:e)?y|skyscraper|"
    r"(?:new|second|third)\s+(?:plant|factory|hospital|campus|headquarters|hq|data\s+cent(?:er|re))|"
    r"(?:finish|complete|build|deliver|rebuild|replace)\s+(?:the\s+)?(?:entire|whole)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:tower|building|hospital|plant|factory|campus|platform|erp|system)|"
    r"(?:transform|overhaul|rebuild|reinvent)\s+(?:the\s+|our\s+)?(?:company|business|organi[sz]ation|culture))\b", _I)
WHOLE_TRANSFORMATION = re.compile(
    r"\b(?:totally\s+|completely\s+)?(?:transform|reinvent|overhaul)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:culture|network|social\s+care|directorate|supply\s+chain|county|region|world)\b"
    r"(?=\s*(?:$|[,.;:]|\b(?:by|within|in|to|across|for|before|so|over|during|of\s+the)\b))", _I)
ADMIN_STEP = re.compile(r"\s*(?:put|log|add|upload|list|tag|file|send|share|circulate|email|forward|"
                        r"save|copy)\b(?!\s+(?:up|out)\b)", _I)
BIG_SCOPE = re.compile(r"\b(all|every|entire|whole|each)\b", _I)
TIME_UNIT = re.compile(r"\b(ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?)\b", _I)
VOLUME_NOUNS = re.compile(r"\b(hires?|engineers?|aes|reps|agents|people|staff|posts?|articles?|contracts?|stores?|sites?|"
                          r"deals?|customers|users|attendees|locations|offices|videos|logos|operatives|workers|drivers|"
                          r"nurses|teachers|suppliers|vendors|outlets|franchises|restaurants|branches|clients)\b", _I)
BIG_SITES = re.compile(r"\b(stores?|outlets?|franchises?|restaurants?|branches|sites|offices|countries|plants|clinics)\b", _I)
GROWTH = re.compile(r"\b(increase|grow|raise|boost|lift|improve|expand|scale|double|triple|get\s+to|reach)\w*\b", _I)
REDUCE = re.compile(r"\b(reduce|cut|lower|decrease|shrink|shorten|halve|drop|bring\s+\w+\s+down|get\s+\w+\s+down)\w*\b", _I)
BASELINE = re.compile(r"\bfrom\s+(?:an?\s+\w+\s+of\s+)?[~$€£]?\d|\bup\s+from\b|\bdown\s+from\b|\bcurrently\b|\bbaseline\b|"
                      r"\bvs\.?\s|\bcompared\s+to\b|\blast\s+year\b|\bfrom\s+\d", _I)
TO_FROM = re.compile(r"\bto\s+(?:[A-Za-z]+\s+)?(?P<b>\d[\d,.]*)\b[^.]{0,60}?\bfrom\s+(?:an?\s+\w+\s+of\s+)?(?P<a>\d[\d,.]*)",
                     _I)
LIST3 = re.compile(r"[^,]+,[^,]+,?\s+(?:and|&)\s+", _I)
OVERNIGHT = re.compile(r"\b(overnight|by\s+tomorrow|tomorrow|in\s+a\s+day|in\s+one\s+day)\b", _I)
SKILL_LIST = re.compile(r"\b(learn|get\s+good\s+at|get\s+better\s+at|master)\b[^.]*,[^.]*\band\b", _I)


# growth stated per year: "grow sales 200% YoY"
PER_YEAR = re.compile(r"\b(?:yoy|y-o-y|year[- ](?:on|over)[- ]year|per\s+annum|p\.a\.)(?!\w)", _I)


def _horizon_days(g: Goal) -> int | None:
    """Days from the reference date to the goal's last deadline (None when unknown)."""
    if any(d.date is None for d in g.deadlines):
        return None          # an event deadline: its date is unknown
    days = [(d.date - g.today).days for d in g.deadlines if d.date is not None and d.date >= g.today]
    if days:
        return max(max(days), 1)
    if not g.deadlines and any(d.how == "start" and re.search(r"\b(next|this|monday|tomorrow|today|now)\b", d.text, _I)
           for d in g.all_times):
        return 7            # "starting next week", with no end: read as immediate
    w = SHORT_WINDOW.search(g.text)
    if w:
        return 14          # "in a fortnight"
    if not g.deadlines and PER_YEAR.search(g.text):
        return 365         # "grow sales 200% YoY": a year's growth
    return None


INTERNAL_PARTY = re.compile(r"\b(?:finance|hr|legal|it|ops|operations|sales|marketing|security|compliance|engineering|"
                            r"product|procurement|payroll|facilities|manager|cfo|ceo|coo|cto|leadership|"
                            r"head\s+of|director)\b", _I)
THING = re.compile(r"\b(?:api|apis|app|apps|bot|bots|system|systems|crm|erp|tool|tools|model|models|script|scripts|build|"
                   r"server|servers|pipeline|dashboards?|reports?|site|website|page|form|process|machine|line|printer)\b", _I)


def _headroom(text: str) -> tuple[float, str] | None:
    """On a bounded scale (a percentage, or a star rating out of 5), the share of the gap to the top
    that a "from a to b" target closes: 92% -> 99.99% closes 99.9% of it, 2.9 -> 4.8 stars 90%."""
    m = FROM_TO.search(text)
    if not m:
        return None
    a_s, b_s = m.group("a"), m.group("b")
    pct = "%" in a_s or "%" in b_s or re.match(r"\s*(?:%|percent)", text[m.end():], _I)
    stars = re.match(r"\s*(?:stars?|/\s?5|out\s+of\s+5)", text[m.end():], _I)
    try:
        a = float(re.sub(r"[^\d.]", "", a_s) or "nan")
        b = float(re.sub(r"[^\d.]", "", b_s) or "nan")
    except ValueError:
        return None
    top = 100.0 if pct else 5.0 if stars else None
    if top is None or not (0 <= a < b <= top):
        return None
    if re.search(r"\b(?:errors?|defects?|churn|attrition|turnover|vacanc(?:y|ies)|absences?|sickness|waste|scrap|"
                 r"failures?|late|lateness|no-?shows?|complaints?|costs?|returns?|missed|misses|mis-?picks?)\b",
                 text[:m.start()], _I):
        return None          # a rise in a bad measure is not a climb towards the top
    if re.search(r"\b(?:compliance|completion|completed|submission|submitted|adherence|on[- ]time|answer(?:ed)?\s+rate|"
                 r"scan\w*|audit\w*|coverage|training|hygiene|uptake|attendance)\b", text[:m.start()], _I):
        return None          # the person's own process rate: closing the gap is the job
    if b - a < (5.0 if pct else 0.5):
        return None          # "99.5% to 99.9%": a small step, however much of the gap it closes
    return (b - a) / (top - a), m.group(0)


def _daily_cap(after: str) -> int:
    """What one person can do in a day: ~80 calls, chats or tickets; ~25 meetings or cases (a mailing is one action, not a count of emails)."""
    return 80 if re.match(r"\s*(?:[\w-]+\s+){0,3}?(?:calls|chats|tickets)\b", after, _I) else 25


def _outcome(text: str) -> re.Match[str] | None:
    """The first outcome word that is a target ("never miss a deadline"), not what a practice records
    ("always log errors in Jira")."""
    for m in OUTCOME_WORDS.finditer(text):
        if not RECORDED.search(" ".join(text[:m.start()].split()[-7:]) + " "):
            return m
    return None


def _practice(text: str, m: re.Match[str]) -> bool:
    """The absolute is about a practice of the person's own, named by its verb: right after "always" /
    "never" ("never skip the checklist"), or opening the goal ("run every release through canary, no
    exceptions")."""
    if m.group(0).lower() in ("always", "never"):
        return bool(PRACTICE_VERB.match(text, m.end()))
    return bool(PRACTICE_VERB.match(" " + text.lstrip()))


def _outside_party(g: Goal, m: re.Match[str]) -> bool:
    """The party in "get / have <party> to <verb>" is someone outside: an outside role ("the council",
    "the auditors") or a named organisation or place ("Moody's", "Ocado", "the FDA"), not a colleague
    ("Sarah", "Priya's team", "Finance"), a possessive ("the client's sign-off"), a count ("200
    customers") or a thing ("the API", "the dashboards")."""
    party = m.group("party") or ""
    possessive = re.search(r"['’]s\s*$", party) and not re.match(r"to\s", g.text[m.end("party"):])
    if not party.strip() or possessive or THING.search(party) or re.search(r"\b" + _OWN + r"\b", party, _I):
        return False
    if re.match(r"\s*(?:\d|all\b|more\b|new\b|every\b|most\b)", party, _I):
        return False             # "get 200 customers to sign up": an adoption target, not one party's decision
    if OUTSIDE_PARTY.search(party) or ACRONYM_BODY.fullmatch(party.strip()) or re.search(r"\b(?:stock(?:ing)?|carry(?:ing)?|list(?:ing)?|prescrib(?:e|ing)|distribut(?:e|ing))\s+(?:our|my)\b",
                                                g.text[m.end("party"):m.end("party") + 30], _I):
        return True              # a retailer or prescriber taking up our product is their decision
    if INTERNAL_PARTY.search(party):
        return False             # "get Finance to approve the budget": an internal sign-off is ordinary work
    a, b = m.start("party"), m.end("party")
    # a named organisation or place; a person's name is usually a colleague ("have Sarah sign off the copy"),
    # unless what they are to sign is a deal ("get Pret to sign the five-year supply contract")
    ents = {t.ent_type_ for t in g.doc if a <= g.char(t.idx) < b}
    deal = re.search(r"\b(?:contract|deal|agreement|order|renewal|terms|offer|po)\b", g.text[m.end():], _I)
    return bool(ents & {"ORG", "GPE", "NORP", "FAC"}) or ("PERSON" in ents and bool(deal))


def _decided_outside(text: str) -> re.Match[str] | None:
    """The whole goal is an outside body's decision: its approval ("Obtain FAA approval for ..."), or
    something approved, registered or adjudicated by it ("Get my clearance adjudicated by DCSA")."""
    reg = REGULATOR_GOAL.search(text)
    if reg and (OUTSIDE_PARTY.search(text) or ACRONYM_BODY.search(reg.group(0))):
        return reg              # "Obtain COFEPRIS approval", "Get EDA price approval"
    got = GOT_DECIDED.search(text)
    if got and (OUTSIDE_PARTY.search(text) or OUTSIDE_BODY.search(text[got.end():])):
        return got
    return None


# a personal aim ("lose 5 kg", "renovate my apartment", "get married", "run the Berlin marathon") listed beside work
# goals is a goal crammed into another (2026-11-27, tenth session, from smart_h); on its own it is just a goal
PERSONAL_LIFE = re.compile(
    r"\b(?:my\s+(?:own\s+)?(?:health|fitness|weight|apartment|flat|house|home|kitchen|garden|book|pension|cv|gym\s+routine)\b|"
    r"lose\s+\d+\s*(?:kg|lbs?|pounds|kilos)\b|lose\s+weight|quit\s+smoking|take\s+my\s+(?:parents|family|kids|wife|husband|partner)\b|"
    r"renovate\s+my\b|get\s+married|move\s+house|"
    r"(?:run|do|finish|complete)\s+(?:a|the|my\s+first|my)\s+(?:[\w-]+\s+)?(?:half[- ])?marathon\b(?!\s+programme)|"
    r"(?:learn|play)\s+(?:the\s+)?(?:guitar|piano|violin|drums)\b|(?:pass|get|renew)\s+my\s+driving\s+(?:test|licen[cs]e)\b|"
    r"take\s+(?:a\s+)?vacation|(?:do\s+)?more\s+(?:exercise|sport)\b)", _I)


# Parts this related (mean cosine of their sentence embeddings) are steps toward one aim, not several goals
# crammed together ("1) map the onboarding process 2) remove duplicate forms 3) cut time-to-productive from 90 to
# 60 days"): chosen on the read goal sets (2026-11-27, tenth session), where below 0.12 nearly every text of
# several parts is labelled crammed and none labelled crammed reaches 0.46.
RELATED_PARTS = 0.46


def _bounded(g: Goal) -> bool:
    """The goal holds for a bounded time: a deadline that is not past, or a period ("this quarter", "for the
    rest of my placement", "through to completion")."""
    return any(d.date is None or d.date >= g.today for d in g.deadlines) or bool(PERIOD.search(g.text))


_TIME_MINUTES = {"ms": 1 / 60000, "s": 1 / 60, "sec": 1 / 60, "secs": 1 / 60, "second": 1 / 60, "seconds": 1 / 60,
                 "min": 1, "mins": 1, "minute": 1, "minutes": 1, "h": 60, "hr": 60, "hrs": 60, "hour": 60,
                 "hours": 60, "day": 1440, "days": 1440, "week": 10080, "weeks": 10080}


def _num(s: str, unit_hint: str = "") -> float | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", s)
    if not m:
        return None
    v = float(plain_number(m.group(0)))
    tail = s[m.end():].strip().lower()
    unit = (re.match(r"[a-z]+", tail) or re.match(r"[a-z]+", unit_hint.strip().lower()))
    if unit and unit.group(0) in _TIME_MINUTES:
        return v * _TIME_MINUTES[unit.group(0)]
    if tail.startswith("k"):
        v *= 1e3
    elif tail.startswith("m") and not tail.startswith(("min", "ms", "month")):
        v *= 1e6
    return v


# a starting level stated beside the target: "(currently 40k)", "(95 enrolled so far)", "£180k in total last year"
STATED_LEVEL = re.compile(r"\b(?:currently|now\s+at|we(?:'re|\s+are)\s+at|today)\s+(?:~|about\s+|around\s+)?"
                          r"(?P<a>[$€£₹]?\d[\d,.]*\s?(?:k|m|bn)?)\b|(?P<a2>[$€£₹]?\d[\d,.]*\s?(?:k|m|bn)?)\s+"
                          r"(?:[a-z]+\s+){0,2}?(?:so\s+far|to\s+date|in\s+total\s+last\s+year)\b|\b(?:raised|sold|made|generated|"
                          r"connected|installed|closed|hired|enrolled|recruited|booked)\s+(?P<a3>[$€£₹]?\d[\d,.]*\s?(?:k|m|bn)?)\s+"
                          r"(?:[a-z]+\s+){0,3}?last\s+year\b", _I)
# a current pace stated beside the target: "(we connect about 300 a month)", "about 8 a month"
STATED_PACE = re.compile(r"\b(?:~|about\s+|around\s+|roughly\s+)?(?P<n>\d[\d,.]*)\s+(?:a|per|each)\s+"
                         r"(?P<u>day|week|month|year)\b", _I)
_PACE_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _stated_stretch(g: Goal, h: int, qs: list) -> tuple[float, str] | None:
    """How many times the stated level or pace the target asks for in the time frame (``qs``: targets)."""
    text = g.text
    lvl, pace = STATED_LEVEL.search(text), STATED_PACE.search(text)
    spans = [m.span() for m in (lvl, pace) if m]
    goal_qs = [q for q in qs if (q.value or 0) > 0 and not any(a <= q.start < b for a, b in spans)]
    if not goal_qs:
        return None
    target = max(q.value or 0 for q in goal_qs)
    out = None
    if pace:
        n = _num(pace.group("n"))
        if n:
            have = n * h / _PACE_DAYS[pace.group("u").lower()]
            base = _num(lvl.group("a") or lvl.group("a2") or "") if lvl and "last year" not in lvl.group(0).lower() \
                else 0.0
            need = target - (base or 0.0)
            if have > 0 and need > 0:
                out = (need / have, pace.group(0))
    if out is None and lvl:
        base = _num(lvl.group("a") or lvl.group("a2") or lvl.group("a3") or "")
        # small counts can be ramped by effort ("10 customers, currently 2"); a level far away cannot
        if base and target > base and target - base >= 500:
            if lvl.group("a3") or re.search(r"last\s+year", lvl.group(0), _I):
                base = base * h / 365        # a year's total, scaled to the time frame
            out = (target / base, lvl.group(0))
    return out


def _ratio(g: Goal) -> tuple[float, str, str, bool] | None:
    """(x-fold change, evidence text, direction, is-a-time-or-backlog reduction) or None."""
    text = g.text
    ft = FROM_TO.search(text)
    if ft:
        after_b = text[ft.end():ft.end() + 12]
        b = _num(ft.group("b"), after_b)
        a_tail = re.match(r"[\d,.$€£]+\s*([a-z]+)", ft.group("a"), _I)
        a = _num(ft.group("a"), after_b if not a_tail else "")
        if a and b and a > 0 and b > 0 and a != b:
            up = b > a
            timeish = bool(TIME_UNIT.search(ft.group(0))) or bool(re.search(r"\b(time|backlog|queue|days?)\b",
                                                                               text[:ft.start()], _I))
            return (b / a if up else a / b), ft.group(0), "up" if up else "down", timeish and not up
    tf = TO_FROM.search(text)
    if tf:
        a, b = _num(tf.group("a")), _num(tf.group("b"))
        if a and b and a > 0 and b > 0 and a != b:
            return (b / a if b > a else a / b), tf.group(0), "up" if b > a else "down", False
    uf = re.search(r"(?P<b>\d[\d,.]*)\s*(?P<u>[a-z%]*)[^.]{0,40}?\bup\s+from\s+(?:~|about\s+)?(?P<a>\d[\d,.]*)", text, _I)
    if uf:
        a, b = _num(uf.group("a")), _num(uf.group("b"))
        if a and b and b > a:
            return b / a, uf.group(0), "up", False
    io = INSTEAD_OF.search(text)
    if io:
        ua = io.group("ua") if io.group("ua") and TIME_UNIT.fullmatch(io.group("ua")) else io.group("u")
        a, b = _num(io.group("a") + " " + (ua or "")), _num(io.group("b") + " " + (io.group("u") or ""))
        if a and b and a > 0 and b > 0 and a != b:
            timeish = bool(io.group("u") and TIME_UNIT.fullmatch(io.group("u")))
            if timeish:
                return (b / a if b > a else a / b), io.group(0), "up" if b > a else "down", True
    mm = MULTIPLIER.search(text)
    if mm:
        if mm.group(1):
            r = float(mm.group(1))
        else:
            w = mm.group(2).lower()
            r = WORD_MULT.get(w, 1.5 if "third" in w else 2.0 if "half" in w else 1.33)
        if mm.group(2):
            down = bool(re.search(r"halv|third|half|quarter", mm.group(0), _I))
        else:
            near = text[max(0, mm.start() - 40):mm.start()]
            down = bool(REDUCE.search(near)) and not GROWTH.search(near.split(",")[-1])
        return r, mm.group(0), "down" if down else "up", False
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s?(?:%|percent)", text, _I):
        before = text[max(0, m.start() - 60):m.start()]
        if re.search(r"\b(to|under|below|above|over|at|of|within|than)\s+$", before, _I):
            continue
        pct = float(m.group(1))
        if GROWTH.search(before):
            return 1 + pct / 100, m.group(0), "up", False
        if REDUCE.search(before) and pct < 100:
            return 1 / (1 - pct / 100), m.group(0), "down", False
    return None


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_MULTIPLIERS = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0}
# growth compounded over years: "double fee income every year for the next five years" (32x), "grow sales
# 60% year on year for 5 years" (10x)
COMPOUND = re.compile(
    r"\b(?:(?P<mult>doubl|tripl|trebl|quadrupl)\w*\s+(?!(?:check\w*|digits?|a|up|down|click\w*|shifts?|entry|book\w*|"
    r"glaz\w*|time|team|figures?|sided|decker|bed|room)\b)|(?:grow|increase|raise|boost|lift)\w*\s+(?:[\w-]+\s+){0,4}?"
    r"(?:by\s+)?(?P<pct>\d{1,3})\s?%\s+)(?:[\w-]+\s+){0,4}?"
    r"(?:every\s+year|each\s+year|a\s+year|per\s+year|per\s+annum|annually|year[- ]on[- ]year|yoy),?\s+"
    r"(?:[\w-]+,?\s+){0,2}?(?:for|over)\s+(?:the\s+next\s+|the\s+coming\s+|)"
    r"(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+years\b", _I)


def _compounding(text: str) -> tuple[str, int, int] | None:
    m = COMPOUND.search(text)
    if not m or (m.group("pct") and re.search(r"\bto\s+$", text[:m.start("pct")], re.I)):
        return None   # "to 80% every year" is a level to hold, not a growth rate
    n = m.group("n").lower()
    years = int(n) if n.isdigit() else _NUMBER_WORDS[n]
    step = _MULTIPLIERS[m.group("mult").lower()] if m.group("mult") else 1 + int(m.group("pct")) / 100
    factor = step ** years
    if factor < 8:
        return None
    return (f"'{m.group(0)}' compounds to about {factor:,.0f}x in {years} years: growth far beyond ordinary business "
            "ranges.", m.start(), m.end())


def _scale_flags(g: Goal, qs: list) -> list[tuple[str, int, int]]:
    """Scale red flags; ``qs`` are the goal's target quantities (``signals.targets``), found once."""
    text = g.text
    comp = _compounding(text)
    if comp:
        return [comp]
    h = _horizon_days(g)
    flags: list[tuple[str, int, int]] = []
    if h is None:
        return flags
    r = _ratio(g)
    if r is not None:
        ratio, span_text, direction, timeish = r
        if direction == "down" and timeish:
            limits = [(10, 1.5), (40, 2.0), (100, 5.0), (400, 8.0)]
        elif direction == "down":
            limits = [(10, 1.25), (40, 1.5), (100, 3.0), (400, 3.5), (800, 6.0)]
        else:
            limits = [(10, 1.1), (40, 1.25), (100, 2.0), (400, 3.0), (800, 5.0)]
        if any(h <= days and ratio >= lim for days, lim in limits):
            i = text.find(span_text)
            flags.append((f"A {ratio:.3g}x {'increase' if direction == 'up' else 'reduction'} in about {h} days is far "
                          f"beyond ordinary business ranges.", i, i + len(span_text)))
    if not flags and r is None:
        st = _stated_stretch(g, h, qs)
        if st is not None and st[0] >= 3.0:
            i = text.find(st[1])
            flags.append((f"The target asks for {st[0]:.3g}x the stated level or pace ('{st[1]}') in about {h} days: "
                          "far beyond the time frame.", i, i + len(st[1])))
    if h <= 62:
        for q in qs:
            v = q.value or 0
            after = text[q.end:q.end + 40]
            money = q.text.lstrip().startswith(("$", "€", "£")) or re.match(r"\s*(?:million|m\b|bn)", after, _I)
            if re.match(r"\s*(?:[\w-]+\s+){0,3}?(?:an?|per|each|every)\s+(?:hour|day|shift|week|month)\b|\s*/", after, _I):
                continue          # a rate, not a volume
            if re.search(r"\b(?:over|above|under|below|exceeding|more\s+than|less\s+than)\s*$|[<>]\s*$",
                         text[max(0, q.start - 16):q.start], _I):
                continue          # a threshold ("payments over £10k"), not a volume
            if (v >= 20 and VOLUME_NOUNS.search(after[:30])) or (money and v >= 1e6 and h <= 40) or \
                    (v >= 1e4 and h <= 40):
                flags.append((f"'{q.text.strip()} {after.split(',')[0].split(' by ')[0].strip()}' within about {h} days "
                              f"is a volume far beyond the time frame.", q.start, q.end))
                break
    if not flags:
        hr = _headroom(text)
        if hr is not None:
            closed, span_text = hr
            if (h <= 40 and closed >= 0.5) or (h <= 100 and closed >= 0.8):
                i = text.find(span_text)
                flags.append((f"'{span_text}' closes {closed:.0%} of the gap to the top of the scale in about {h} days: far "
                              f"beyond ordinary ranges.", i, i + len(span_text)))
    if not flags:
        for q in qs:
            after = text[q.end:q.end + 40]
            if re.match(r"\s*(?:[\w-]+\s+){0,3}?(?:an?|per|each|every)\s+(?:hour|day|shift|week|month)\b|\s*/", after, _I):
                continue          # a rate already
            before = text[max(0, q.start - 12):q.start]
            if (q.value or 0) >= 100 and ACTIVITY.match(re.sub(r"^new\s+", "", after.strip().split(",")[0])) and \
                    (q.value or 0) / max(h, 1) > _daily_cap(after) and not TEAM_SCALE.search(text) and \
                    not re.search(r"\b(?:to|reach|grow|hit)\s*$", before, _I):
                flags.append((f"'{q.text.strip()} {after.split(',')[0].split(' by ')[0].strip()}' within about {h} days is "
                              f"more than {int((q.value or 0) / max(h, 1))} a day: far beyond the time frame.", q.start, q.end))
                break
    if h <= 365 and not flags:
        lq = LONG_QUALIFICATION.search(text)
        if lq and not LAST_STEP.search(text):
            flags.append((f"'{lq.group(0)}' within about {h} days is far beyond the time frame: it takes years.",
                          lq.start(), lq.end()))
    if h <= 100 and not flags:
        for q in qs:
            if (q.value or 0) >= 100 and BIG_SITES.match(re.sub(r"^new\s+", "", text[q.end:q.end + 40].strip().split(" new ")[-1])):
                flags.append((f"'{q.text.strip()} {text[q.end:q.end + 40].split(',')[0].split(' by ')[0].strip()}' within "
                              f"about {h} days is a volume far beyond the time frame.", q.start, q.end))
                break
    if h <= 62 and not flags:
        lst = LIST3.search(text)
        if lst and len(g.parts) <= 1:
            flags.append((f"Several deliverables within about {h} days is far beyond the time frame.",
                          lst.start(), lst.end()))
    if h <= 366 and not flags:
        whole = WHOLE_TRANSFORMATION.search(text)
        if whole:
            flags.append((f"'{whole.group(0)}' within about {h} days is far beyond the time frame: changing a whole "
                          "culture or network takes years.", whole.start(), whole.end()))
    if h <= 100 and not flags:
        big = BIG_UNDERTAKING.search(text) or NEW_FACILITY.search(text) or (FROM_SCRATCH.search(text) if h <= 31 else None)
        if big:
            flags.append((f"'{big.group(0)}' within about {h} days is far beyond the time frame: it takes many months.",
                          big.start(), big.end()))
    if h <= 10:
        o = OVERNIGHT.search(text)
        # "put all open actions on the RAID log by Friday": recording or sending everything is quick
        scope = None if ADMIN_STEP.match(text) else BIG_SCOPE.search(text)
        skills = SKILL_LIST.search(text)
        if (scope or skills or o) and not any(f for f in flags):
            m = scope or skills or o
            assert m is not None
            flags.append((f"'{m.group(0)}' within {h} day{'s' if h != 1 else ''} is far beyond the time frame.",
                          m.start(), m.end()))
    return flags


def check(g: Goal) -> CriterionResult:
    text = g.text
    problems: list[str] = []
    ev = []

    def flag(msg: str, start: int, end: int, what: str) -> None:
        problems.append(msg)
        if 0 <= start < end:
            ev.append(g.span_evidence("red_flag", "specificity", start, end, what))

    bounded = _bounded(g)
    gate = BOUNDED_GATE.search(text) or (PROCESS_GATE.search(text) if g.deadlines and HUNDRED.search(text) else None)
    absolute = ABSOLUTE.search(text)
    zero = ZERO_OUTCOME.search(text)
    hundred = HUNDRED.search(text)
    outcome = _outcome(text)
    if zero and (re.match(r"zero(?:\s+in\s+on|-based|\s+budget|\s+cost)", text[zero.start():zero.start() + 12], _I) or
                 (zero.group(0).lower() == "never" and bounded and not outcome and _practice(text, zero))):
        zero = None              # "zero in on", "zero-based budget"; "never" as a bounded practice
    if hundred and re.match(r"100\s?%\s+(?:renewable|recycl\w+|electric|organic|remote|of\s+(?:my|our|the|their)\s+"
                            r"(?:[\w-]+\s+){0,3}?(?:quota|target|budget|plan))", text[hundred.start():hundred.start() + 50], _I):
        hundred = None           # a composition or the ordinary full target, not a perfection target
    practice = False
    if absolute and PRACTICE_ABSOLUTE.fullmatch(absolute.group(0)) and bounded and not outcome and \
            _practice(text, absolute) and not re.match(r"[^.;]{0,50}?\bagain\b", text[absolute.end():], _I):
        absolute, practice = None, True   # a standing practice over a bounded period ("always ... this quarter")
    everyone = EVERYONE.search(text)
    if everyone and everyone.group(0).lower() == "anything" and \
            re.search(r"(?:\b(?:not|never|no|nothing|without)\b|n[’']t\b)[^.;]{0,25}$", text[:everyone.start()], _I):
        everyone = None          # "they keep saying planning doesn't tell them anything": a quote, not a scope
    pop = PEOPLE_POPULATION.search(text) or OPEN_ALL.search(text) or everyone \
        or POPULATION_CAUSED.search(text)
    if not gate and bounded and not outcome:
        for m in (zero, hundred, pop):
            # the step is what the target quantifies: within a few words of it ("100% of outbound pallets on
            # the Tesco contract scanned", "hourly rounding documented for all patients")
            near = " ".join(text[:m.start()].split()[-6:] + text[m.start():].split()[:12]) if m else ""
            step = PROCESS_STEP.search(near) if m else None
            if m is not None and m is hundred and not step and _own_action(text, m):
                step = m
            if step:
                gate = step      # 100% / zero / every on the person's own process step, bounded
                break
    if absolute and re.match(r"every\s+single", absolute.group(0), _I) and g.deadlines and \
            re.match(r"\s*(?:day|week|month|shift|quarter)\b", text[absolute.end():], _I):
        absolute = None          # a cadence with a horizon ("every single week until the end of Q4")
    if absolute and not gate:
        flag(f"'{absolute.group(0)}' is an absolute or perfect standard: a single miss fails it.",
             absolute.start(), absolute.end(), "absolute target")
    elif (zero or hundred) and not gate:
        m = zero or hundred
        assert m is not None
        flag(f"'{m.group(0)}' is a perfect target: one miss fails it, and it is rarely fully in one person's hands.",
             m.start(), m.end(), "perfect target")
    per_item = PER_ITEM.search(text) if not (bounded or gate or absolute or zero or hundred) else None
    if per_item:
        flag(f"'{per_item.group(0)}' is a rule for every item with no period: one late item fails it.",
             per_item.start(), per_item.end(), "absolute target")
    if pop and not gate and not practice and not (absolute or zero or hundred or per_item):
        flag(f"'{pop.group(0)}' covers an open population or scope: outcomes for everyone are not one person's to deliver.",
             pop.start(), pop.end(), "open scope")
    qs = targets(g)
    scale = _scale_flags(g, qs)
    for msg, s, e in scale:
        flag(msg, s, e, "scale vs time")
    small = SMALL_TEAM.search(text)
    if small and (scale or any((q.value or 0) >= 100 for q in qs)):
        flag(f"'{small.group(0)}' is too few people for that volume in that time.", small.start(), small.end(),
             "no capacity")
    c = CONSTRAINT.search(text)
    if c:
        flag(f"'{c.group(0)}' removes the resources such a target needs.", c.start(), c.end(), "no capacity")
    fewer = FEWER_PEOPLE.search(text)
    if fewer and not c and float(fewer.group("b")) <= 0.6 * float(fewer.group("a")):
        flag(f"'{fewer.group(0)}' cuts the people the work needs while keeping the target.", fewer.start(), fewer.end(),
             "no capacity")
    cause = CAUSATIVE.search(text)
    if cause and not _outside_party(g, cause):
        cause = None             # "have the new dashboards cover all regions": no outside party decides
    outside = (OUTSIDE_CONTROL.search(text) or NAMED_DEAL.search(text) or cause or
               WIN_CONTEST.search(text) or REGULATOR_DECISION.search(text) or RECOGNITION.search(text) or
               DECIDED_BY.search(text) or INSPECTION_GRADE.search(text) or APPOINTMENT.search(text) or
               OTHERS_DECIDE.search(text) or _decided_outside(text) or DECIDED_ELSEWHERE.search(text))
    decision = outside and re.search(r"clearance|approv|sign-?off|accreditation|registration|permission|consent|licen[cs]e|"
                                     r"registered|cleared|rating|judgement|grade", outside.group(0), _I)
    venue = outside and re.search(r"featur|listed|write-?up|publish|quoted|coverage|league|ranking", outside.group(0), _I)
    if outside and re.search(r"ranking", outside.group(0), _I) and \
            re.search(r"\b(?:seo|google|search|app\s+store|play\s+store|keywords?)\b", text, _I):
        outside = None           # search and app-store rankings are a marketer's ordinary work
    if outside and ((decision and (PAPERWORK_NOUN.match(text, outside.end()) or
                                   PAPERWORK_VERB.search(text[:outside.start()]))) or
                    (venue and INTERNAL_VENUE.search(" ".join(text[:outside.start()].split()[-6:] +
                                                              text[outside.start():].split()[:10])))):
        outside = None           # "complete the planning approval pack", "featured in our Engineering Weekly newsletter"
    rank = re.search(r"\b(the\s+best\s+\w+(?:\s+\w+)?\s+in\s+the\s+(?:company|firm|world|industry|country)|"
                     r"best\s+place\s+to\s+work|most\s+loved|market\s+leader|number\s+one)\b|#\s?1\b", text, _I) or \
        RANKED.search(text) or RANK_BECOME.search(text)
    if rank and re.match(r"[\w\s]{0,20}?\b(?:i|we|you|they)\s+can\s+be\b|\s+version\s+of", text[rank.end():], _I):
        rank = None              # "be the best CEO I can be": against oneself, not others
    feelings = OTHERS_FEELINGS.search(text)
    if outside:
        flag(f"'{outside.group(0)}' is decided by others (a customer, a panel, a court, the market), not by the "
             "person's own work.", outside.start(), outside.end(), "outside their control")
    elif rank:
        flag(f"'{rank.group(0)}' is a ranking that depends on others.", rank.start(), rank.end(), "outside their control")
    elif feelings:
        flag(f"'{feelings.group(0)}': how others feel is theirs, not a target one person controls.", feelings.start(),
             feelings.end(), "outside their control")
    one_aim = len(g.parts) > 1 and g.parts_related is not None and g.parts_related >= RELATED_PARTS
    personal = PERSONAL_LIFE.search(text) if len(g.parts) <= 1 else None
    rest = (text[:personal.start()] + " " + text[personal.end():]) if personal else ""
    if personal and re.search(r"[,;+\n]|\band\b|\bplus\b", rest) and \
            len(re.findall(r"[A-Za-z]{3,}", re.sub(r"\b(?:and|also|plus|the|my|in|by|asap|this|year|\d+)\b", "", rest, flags=_I))) >= 3:
        flag(f"'{personal.group(0)}' is a personal aim listed beside work goals: several goals in one.",
             personal.start(), personal.end(), "several goals")
    if len(g.parts) > 1 and not one_aim:
        names = "; ".join(f"'{p.text}'" for p in g.parts[:5])
        problems.append(f"Several goals in one ({len(g.parts)}: {names}): each needs its own target and date.")
    details = {"red_flags": problems, "horizon_days": _horizon_days(g)}
    if len(g.parts) > 1:
        details["parts_related"] = g.parts_related
    if problems:
        only_split = len(problems) == 1 and len(g.parts) > 1
        sugg = ("Split it into separate goals, one action each." if only_split else
                "Set a target the person controls, with room for a miss (e.g. '95% of ...'), over a realistic time frame"
                + ("; split it into separate goals." if len(g.parts) > 1 else "."))
        return CriterionResult(False, 0.2 if len(problems) == 1 else 0.0, tuple(ev), " ".join(problems), sugg,
                               details=details)
    if BASELINE.search(text) or UP_FROM.search(text):
        return CriterionResult(True, 1.0, (), "No red flags, and the goal states its starting point.", "",
                               details=details)
    return CriterionResult(True, 0.7, (), "No red flags found; no baseline is stated, so the stretch cannot be judged.",
                           "State the starting point ('from <baseline>') so the stretch can be judged.", details=details)
