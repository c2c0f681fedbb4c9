"""Business themes: which outcome area a goal or an objective is about.

Sentence embeddings of short goals and objectives say little about whether "cycle count all
A-class SKUs weekly" serves "raise inventory record accuracy" (it does: both are about
inventory) or whether "increase picks per hour" serves "reduce mis-picks" (it does not:
speed versus accuracy). The relevance check therefore also asks which outcome areas each
text names. Each theme is a list of terms (lower case; plurals and simple inflections are
matched) written from general workplace and KPI vocabulary across industries.

A term may belong to several themes ("turnaround" is speed; "tat" too). Matching is on word
boundaries; multi-word terms allow a hyphen or a space between words.
"""

from __future__ import annotations

import re
from functools import lru_cache

THEMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "revenue": ("revenue and sales", (
        "revenue", "sales", "sell", "selling", "sold", "bookings", "arr", "mrr", "acv", "tcv", "quota", "deal",
        "deals", "close deals", "win rate", "upsell", "upselling", "cross-sell", "new business", "logo", "logos",
        "gmv", "aov", "average order value", "units per transaction", "upt", "basket size", "ancillary revenue",
        "revpar", "adr", "average daily rate", "room rate", "covers", "fees", "billable", "billing", "bill",
        "pricing", "price", "discount", "discounting", "renewal revenue", "expansion revenue", "account growth",
        "grow account", "market share", "commercial", "income", "top line", "top-line",
        "monetise", "monetize", "subscription", "subscriptions", "contract value", "order value", "spend per",
        "sales per", "conversion to paid", "paid conversion", "occupancy", "yield management", "direct booking",
        "direct bookings", "corporate bookings", "weddings", "events revenue", "tenders", "tender", "bid", "bids",
        "fundraising", "donations", "sponsorship", "ebitda", "profit", "profitable", "profitability", "margin",
        "margins", "gross margin", "operating profit", "series c", "investors")),
    "pipeline": ("sales pipeline and leads", (
        "pipeline", "lead", "leads", "mql", "mqls", "sql", "sqls", "prospect", "prospects", "prospecting",
        "discovery meeting", "discovery meetings", "meetings booked", "book meetings", "demo", "demos",
        "outreach", "cold email", "cold emails", "cold call", "cold calls", "follow-up", "follow-ups",
        "opportunity", "opportunities", "sales cycle", "lead scoring", "qualified", "abm", "target accounts",
        "referral programme", "referral program", "reseller", "resellers", "partners",
        "channel partners", "inbound", "funnel", "conversion rate", "mql-to-sql")),
    "cost": ("cost and spend", (
        "cost", "costs", "spend", "spending", "budget", "budgets", "saving", "savings", "save", "expense",
        "expenses", "opex", "capex", "overtime", "labour cost", "labor cost", "agency spend", "agency nurse",
        "agency hours", "cloud spend", "aws", "outside counsel spend", "vendor spend", "procurement",
        "consolidating vendors", "consolidate vendors", "cost per", "cost-to-serve", "cost to serve",
        "write-off", "write-offs", "waste", "efficiency", "efficient", "audit fees", "travel spend", "cac",
        "headcount cost", "unit cost", "fee", "price increases", "renegotiate", "renegotiated", "rates",
        "query costs", "inference cost", "reagent spend", "food cost", "labour", "labor", "utilities",
        "working capital", "cash", "breakeven", "break-even", "burn", "money", "in-house")),
    "finance_ops": ("finance operations", (
        "close the books", "month-end", "month end", "close process", "the close", "close in", "reconcile", "reconciliation",
        "reconciliations", "ledger", "forecast", "forecasting", "forecast accuracy", "variance",
        "variance analysis", "budgeting", "audit", "auditors", "sox", "tax", "taxes", "tax returns", "filing",
        "filings", "fx", "hedge", "hedging", "invoice", "invoices", "invoicing", "payment", "payments",
        "accounts payable", "ap", "accounts receivable", "ar", "dso", "collections", "collect", "overdue",
        "receivables", "payables", "cash position", "treasury", "refinance", "loan", "interest", "payroll",
        "expense reports", "financial statements", "cost reports", "r&d tax credit", "operating plan",
        "budget ownership", "bad debt", "duplicate payments", "late payments", "billing errors")),
    "satisfaction": ("customer satisfaction and experience", (
        "csat", "nps", "satisfaction", "satisfied", "customer experience", "guest experience",
        "patient experience", "candidate experience", "reviews", "review score", "rating", "ratings", "stars",
        "complaints", "complaint", "tripadvisor", "google rating", "guest review", "hcahps", "survey score",
        "survey scores", "service quality", "friendly", "friendlier", "nicer", "happy", "happier", "delight",
        "communication skills", "top-box", "top box", "feedback scores", "experience", "loved",
        "customer effort", "ces", "nurse communication", "qa score", "quality score")),
    "retention": ("customer retention and loyalty", (
        "churn", "retention", "retain", "renewal", "renewals", "renew", "loyalty", "loyal", "repeat",
        "returning", "active users", "weekly active", "monthly active", "dau", "wau", "mau", "engagement",
        "engaged", "sign-ups", "members", "membership", "lifetime value", "ltv", "health score", "at-risk",
        "cancellations", "cancel", "customer success", "onboarding time", "customer onboarding", "adoption",
        "usage", "key accounts", "existing customers", "accounts renew")),
    "speed": ("speed, waiting and turnaround", (
        "response time", "first-response", "first response", "handle time", "aht", "wait", "wait time",
        "wait times", "waiting", "queue", "backlog", "turnaround", "tat", "resolution time", "sla", "slas",
        "time-to", "time to", "cycle time", "lead time", "dock-to-stock", "check-in time", "setup time",
        "set-up time", "speed", "faster", "quicker", "quickly", "fast", "delay", "delays", "late", "on time",
        "on-time", "door-to-provider", "call-light", "response times", "processing time", "days to",
        "time-to-fill", "time-to-hire", "sales cycle", "months to", "same-day",
        "within 24 hours", "turn around", "mttr", "latency", "load time", "page speed", "contentful paint",
        "lcp", "speed up", "expedite", "velocity", "throughput time", "length of stay", "otif",
        "on-time in full", "responsiveness", "setup time", "changeover", "deploy time")),
    "quality": ("quality, accuracy and errors", (
        "defect", "defects", "defective", "error", "errors", "mistake", "mistakes", "accuracy", "accurate",
        "quality", "scrap", "rework", "yield", "first-pass", "first pass", "ppm", "returns rate",
        "mis-pick", "mis-picks", "mis picks", "mispicks", "mis-ship", "mis-ships", "damage", "damaged",
        "damages", "bug", "bugs", "flaky", "test coverage", "coverage", "crash", "crash-free", "reopened",
        "reopen", "snags", "qa", "inspection", "inspect", "inspections", "5s", "planogram compliance",
        "compliance audit", "reproducibility", "validation", "validate", "cv under", "precision", "audit scores",
        "record accuracy", "pick accuracy", "inventory accuracy", "first-contact resolution",
        "first contact resolution", "fcr", "resolve", "resolution", "correct", "right first time",
        "documentation", "handoff", "handoffs", "handoff notes", "standard work", "process", "root cause",
        "root causes", "otif", "missed doses", "medication errors")),
    "safety": ("safety and incidents", (
        "safety", "safe", "safer", "injury", "injuries", "incident", "incidents", "recordable", "recordables",
        "trir", "dart", "lti", "lost-time", "lost time", "near miss", "near misses", "hazard", "hazards",
        "ppe", "toolbox talk", "toolbox talks", "forklift", "osha", "accident", "accidents", "ergonomic",
        "huddle", "safety huddle", "induction", "site induction", "fall", "falls", "biosafety", "risk assessment",
        "rams", "fire", "hose testing", "emergency", "evacuation", "security", "cve", "cves", "vulnerability",
        "vulnerabilities", "patch", "mfa", "phishing", "breach", "clabsi", "cauti", "infection",
        "infections", "sepsis", "harm", "short-staffed", "understaffed", "response time")),
    "reliability": ("reliability and technical performance", (
        "uptime", "availability", "outage", "outages", "incident", "incidents", "sev-1", "sev-2", "sev1",
        "sev2", "p1", "mttr", "on-call", "alerts", "alert", "alert noise", "monitoring", "pipeline failures",
        "failures", "failure", "deployment", "deployments", "infrastructure", "postmortem", "postmortems",
        "downtime", "unplanned downtime", "reliability", "reliable", "latency", "performance", "load time",
        "scalability", "multi-region", "kubernetes", "migration", "migrate", "monolith", "services",
        "microservices", "legacy", "etl", "airflow", "cron", "data pipeline", "ci", "ci pipeline",
        "regression", "test automation", "automated tests", "flaky", "firefighting", "runbook", "sre",
        "vibration", "breakdowns", "maintenance", "preventive", "reactive maintenance", "line stoppages",
        "equipment downtime", "equipment", "oee", "full speed")),
    "product": ("product delivery", (
        "ship", "shipping features", "launch", "release", "releases", "feature", "features", "roadmap",
        "product", "products", "app", "mobile app", "ios", "android", "sso", "dark mode", "offline mode",
        "self-serve", "reporting ui", "dashboard", "api", "integration", "platform", "ga", "beta",
        "prototype", "mvp", "design", "redesign", "ux", "user research", "pricing page", "website",
        "web site", "portal", "search", "new product", "new products", "menu", "tasting menu", "minor", "rfc",
        "architecture", "recommendation", "model", "models", "machine learning", "ml", "ai", "chatbot")),
    "hiring": ("hiring and recruiting", (
        "hire", "hires", "hiring", "recruit", "recruiting", "recruitment", "recruiter", "recruiters",
        "candidate", "candidates", "time-to-fill", "time to fill", "time-to-hire", "time to hire", "offer",
        "offers", "offer acceptance", "sourcing", "source", "interviews", "interview", "headcount", "vacancies",
        "vacancy", "vacant", "open roles", "open positions", "fill the", "referrals", "employee referrals",
        "employer brand", "glassdoor", "job posting", "job descriptions", "no-shows", "pickers", "agents",
        "engineers", "nurses", "teachers", "accountants", "aes", "staffing", "staffed", "new hires",
        "onboarding", "onboard", "diversity hiring", "summer associate", "associates", "class of")),
    "people": ("employee retention, engagement and development", (
        "attrition", "turnover", "retention", "retain", "regretted", "engagement", "engagement score",
        "morale", "stay interviews", "promotion", "promotions", "promoted", "career", "careers",
        "development", "develop", "burnout", "sick leave", "absence", "absenteeism", "wellbeing", "well-being",
        "culture", "belonging", "inclusion", "diversity", "gender balance", "recognition", "one-on-ones",
        "1:1s", "manager training", "managers", "leadership", "mentoring", "mentor", "coaching", "coach",
        "buddy", "buddy programme", "performance reviews", "calibration", "pay equity", "compensation",
        "comp", "salary bands", "pay", "benefits", "people managers", "high performers", "team", "teamwork",
        "happier", "best place to work", "employee", "employees", "staff", "workforce",
        "skills", "employee engagement")),
    "learning": ("learning, training and certification", (
        "training", "train", "trained", "certification", "certified", "certify", "certificate", "course",
        "courses", "learn", "learning", "skills", "upskill", "upskilling", "cme", "license", "licence",
        "licensure", "exam", "exams", "bar exam", "cpa", "ccrn", "pe license", "competency", "refresher",
        "workshop", "workshops", "academy", "curriculum", "study", "education", "bsn", "mba", "degree",
        "spanish", "japanese", "language", "e-discovery", "relativity",
        "kubernetes", "rust", "python", "react", "revit", "ecg", "ecgs", "wound care",
        "transfer pricing", "docketing", "magnet")),
    "marketing": ("marketing reach and demand", (
        "traffic", "organic", "seo", "blog", "blog posts", "content", "social", "social media", "followers",
        "instagram", "tiktok", "linkedin", "youtube", "twitter", "viral", "awareness", "brand", "brand awareness",
        "share of voice", "press", "pr", "media", "coverage", "publications", "front page", "cover of",
        "newsletter", "open rate", "open rates", "email", "emails", "click-through", "ctr", "campaign",
        "campaigns", "impressions", "reach", "landing page", "conversion", "sign-ups", "signups", "paid search",
        "ads", "advertising", "roas", "attribution", "events", "conference", "user conference", "attendees",
        "webinar", "webinars", "case studies", "case study", "testimonials", "press releases", "trade press",
        "roadshows", "trade show", "booth", "headlines", "narrative", "positioning", "reposition",
        "sessions", "visitors", "foot traffic", "window displays", "displays", "google", "ranking", "rank",
        "marketing", "cart abandonment", "checkout conversion", "conversion rate", "promotion", "promotions")),
    "inventory": ("inventory, stock and supply", (
        "inventory", "stock", "stocks", "out-of-stock", "out-of-stocks", "out of stock", "sku", "skus",
        "shrink", "shrinkage", "shoplifting", "shoplifter", "shoplifters", "theft", "loss prevention",
        "cycle count", "cycle counts", "replenishment", "planogram", "supplier", "suppliers", "second-source",
        "single-sourced", "sourcing", "procurement", "days of supply", "raw material", "materials", "warehouse",
        "pick", "picks", "picking", "pickers", "pallet", "pallets", "put away", "putaway", "receiving", "inbound",
        "fulfilment", "fulfillment", "otif", "on-time delivery", "shipping", "ship", "logistics", "route",
        "routes", "delivery", "deliveries", "freight", "carrier", "carriers", "dock", "slotting", "pick-path",
        "wms", "dcs", "distribution", "orders", "order", "mis-ships", "returns", "markdowns", "markdown",
        "vendors", "vendor", "supply chain", "shelves", "store", "stores", "fill rate", "truck")),
    "productivity": ("productivity, throughput and capacity", (
        "productivity", "productive", "throughput", "output", "units per hour", "picks per hour",
        "lines per hour", "lines an hour", "per hour", "an hour", "per day", "a day", "utilization",
        "utilisation", "capacity", "oee", "volume plan", "volume", "velocity", "visits per day", "caseload",
        "billable hours", "claims", "process more", "processed", "efficiency", "efficient", "faster",
        "quicker", "streamline", "automate", "automation", "manual", "workload", "schedule adherence",
        "scheduling", "rota", "staffing", "shifts", "line speed", "delivery throughput", "time management")),
    "compliance": ("compliance, legal and risk", (
        "compliance", "compliant", "audit", "audits", "regulatory", "regulation", "regulations", "regulator",
        "gdpr", "sox", "hipaa", "aml", "kyc", "sanctions", "policy", "policies", "inspection", "inspections",
        "accreditation", "certification", "iso", "iatf", "biosafety", "risk", "risks", "controls", "lawsuit",
        "lawsuits", "sued", "litigation", "legal", "contracts", "contract", "force majeure", "data-mapping",
        "data mapping", "privacy", "acceptable use", "governance", "walkthroughs", "permit", "permits",
        "planning approval", "approval", "approvals", "licensing", "ind package", "fda", "submission")),
    "education": ("student learning outcomes", (
        "student", "students", "grade", "grades", "pass rate", "proficiency", "test scores", "state test",
        "reading", "literacy", "read", "math", "maths", "algebra", "attendance", "absenteeism", "graduation",
        "persistent absence", "pupil absence", "student absence", "unauthorised absence", "unauthorized absence",
        "homework", "in class", "the class", "whole class", "my class", "classroom", "lessons", "lesson", "curriculum", "learning", "kids", "children",
        "child", "pupils", "teacher", "teachers", "teacher retention", "family", "families", "parent",
        "parents", "parent conferences", "sat", "ap bio", "exam", "grade level",
        "iep", "progress reports", "enrollment", "enrolment", "admissions", "course", "minor", "degree", "essays", "midterm")),
    "health": ("patient care and clinical outcomes", (
        "patient", "patients", "readmission", "readmissions", "falls", "fall", "infection", "infections",
        "clabsi", "cauti", "catheter", "medication", "medications", "doses", "missed doses", "sepsis",
        "hcahps", "ed", "emergency department", "door-to-provider", "discharge", "length of stay", "nurse",
        "nurses", "nursing", "unit", "ward", "icu", "clinic", "clinical", "care", "wound care", "triage",
        "visits", "bed", "beds", "call-light", "stat", "pumps", "ecg", "iv", "chf", "heart failure", "copd",
        "trial", "screen failure", "enroll", "participants", "cme", "infusion", "oncology")),
    "legal": ("legal matters", (
        "litigation", "matters", "cases", "case files", "case law", "lawsuit", "lawsuits", "outside counsel", "counsel",
        "e-discovery", "document review", "contracts", "contract", "precedent", "precedent bank", "docketing",
        "briefs", "motion", "motions", "summary judgment", "pro bono", "interrogatories", "discovery",
        "clm", "contract types", "variations", "judge", "court", "legal", "lawyers", "lawyer", "firm")),
    "research": ("research output and funding", (
        "paper", "papers", "publication", "publications", "publish", "published", "grant", "grants",
        "funding", "nih", "nsf", "r01", "k99", "proposal", "experiments", "experiment", "assay", "assays",
        "compound", "compounds", "lead compounds", "trial", "trials", "data", "dataset", "reproducibility",
        "lab", "cohort", "analysis", "lit review", "literature", "aims", "elisa", "mouse", "cure",
        "nature", "science", "cell", "external funding", "research", "benchmark dataset", "doi")),
    "public": ("public services and residents", (
        "residents", "council", "council services", "permit", "permits", "planning applications",
        "planning", "licence renewals", "license renewals", "online channels", "taxpayer", "taxpayers",
        "phone wait", "citizens", "the public", "public comment", "public participation", "consultation", "housing", "bike lane", "library", "community",
        "services", "service", "returns", "911", "response time", "fire")),
    "sustainability": ("sustainability and resource use", (
        "energy", "water", "water use", "emissions", "carbon", "waste", "food waste", "recycling", "recycle",
        "green", "eco", "eco-certification", "green key", "paperless", "sustainability", "sustainable",
        "plastic", "solar", "footprint")),
    "expansion": ("expansion and new markets", (
        "expand", "expansion", "new market", "new markets", "market entry", "enter the", "enter a", "open a",
        "open an", "open the new", "open new", "open two", "open 2", "open 3", "open 4", "open 5", "opening of",
        "new office", "new location", "new locations", "new store", "new stores", "new site", "second site",
        "second plant", "international", "global", "emea", "apac", "latam", "asia", "europe", "brazil",
        "canada", "singapore", "benelux", "new logos", "new customers", "new segment",
        "mid-market", "enterprise", "smb", "public sector", "new region", "pop-up")),
    "hospitality": ("hospitality operations", (
        "guest", "guests", "room", "rooms", "housekeeping", "front desk", "check-in", "check in", "menu",
        "lunch", "dinner", "banquet", "kitchen", "food", "drinks", "bar", "restaurant", "covers", "spa",
        "hotel", "booking engine", "ota", "ota commission", "weddings", "outlets", "f&b", "regulars",
        "till", "tasting menu", "opening hours", "tours")),
    "construction": ("construction delivery", (
        "site", "sites", "project", "handover", "snags", "subcontractors", "rfis", "rfi", "framing",
        "concrete", "pour", "frame stage", "drawings", "design development", "schedule", "on budget",
        "within budget", "budget", "phase", "tower", "fit-out", "variations", "bim", "revit", "mep",
        "clash", "building", "buildings", "construction", "cscs", "site office", "bridge", "rehabilitation")),
}

# Goal theme -> objective theme pairs where work on the first plausibly moves the second
# (general workplace KPI logic: faster response raises satisfaction, shorter setups raise
# utilisation, hires add capacity, training cuts errors
# and incidents, a healthy pipeline feeds revenue and back, fewer defects cut cost ...). Used by
# the relevance check as the ``outcome_link`` feature when the two share no theme.
DRIVERS: frozenset[tuple[str, str]] = frozenset({
    ("speed", "satisfaction"), ("speed", "productivity"), ("hiring", "productivity"),
    ("learning", "quality"), ("learning", "safety"), ("learning", "compliance"), ("reliability", "productivity"),
    ("product", "marketing"), ("product", "retention"), ("pipeline", "revenue"), ("revenue", "pipeline"),
    ("quality", "cost"), ("quality", "satisfaction"), ("reliability", "satisfaction"), ("reliability", "retention"),
    ("marketing", "pipeline"), ("cost", "revenue"), ("safety", "compliance"), ("compliance", "safety"),
    ("people", "productivity"),
})

_WORD = r"[a-z0-9&'+-]"


def _term_pattern(term: str) -> str:
    parts = [re.escape(p) for p in re.split(r"[\s-]+", term.strip().lower()) if p]
    body = r"[\s-]+".join(parts)
    return rf"(?<!{_WORD}){body}(?:s|es|ed|ing)?(?!{_WORD})"


@lru_cache(maxsize=1)
def _compiled() -> dict[str, re.Pattern[str]]:
    return {tid: re.compile("|".join(_term_pattern(t) for t in sorted(set(terms), key=len, reverse=True)))
            for tid, (_, terms) in THEMES.items()}


def themes_of(text: str) -> dict[str, list[str]]:
    """Theme id -> the terms of ``text`` that name it."""
    return {k: list(v) for k, v in _themes_of(text).items()}


@lru_cache(maxsize=8192)
def _themes_of(text: str) -> dict[str, tuple[str, ...]]:
    low = text.lower()
    out: dict[str, tuple[str, ...]] = {}
    for tid, pat in _compiled().items():
        hits = tuple(m.group(0) for m in pat.finditer(low))
        if hits:
            out[tid] = hits
    return out


def label(theme_id: str) -> str:
    return THEMES[theme_id][0]
