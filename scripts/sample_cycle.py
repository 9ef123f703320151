"""Generate the outcome evidence of the BPF on BPFs sample: one outcome record and one
Secretariat outcome assessment per BPF, 2014-2020, in examples/data/evidence/.

Python standard library only; deterministic. Run from the repository root:

    python3 scripts/sample_cycle.py

Themes, years, meeting dates and the facts marked with a source id (S16, S20, S24, S25, S33,
S34, S36; see examples/data/SOURCES.md) come from public IGF pages; every count, date or level
without a source id is illustrative, and each record's note says which. The hand-written
Cybersecurity 2019 record and assessment are left as they are.
"""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "examples" / "data" / "evidence"

# id, title, year, annual meeting, kick-off, draft, final, deliverables (title, delivered),
# groups, regions, genders, meetings, contributions, partners, uptake (level, what, source),
# judgement (O3 level, O7 level, O8 scale), note
BPFS = [
    ("bpf-spam-2014", "Regulation and mitigation of unwanted communications", 2014, "2014-09-02",
     "2014-07-15", "2014-08-20", "2014-10-15",
     [("Draft paper for comment", True), ("Session at IGF 2014", True), ("Final paper", True)],
     {"government": 2, "civil_society": 4, "technical_community": 6, "private_sector": 5},
     {"african": 2, "asia_pacific": 3, "latin_american_and_caribbean": 2, "western_european_and_others": 10},
     {"women": 5, "men": 12}, 4, 9, ["M3AAWG", "London Action Plan"],
     [("disseminated", "Paper circulated to anti-spam communities", "illustrative")],
     ("MS", "follow-up", "3"),
     "Five BPFs had seven weeks in the 2014 pilot and drafts were open for comment until 15 September (S16, S17); dates of this BPF's draft and final paper, counts and partners are illustrative."),
    ("bpf-ixps-2015", "Enabling environments to establish successful IXPs", 2015, "2015-11-10",
     "2015-05-20", "2015-10-01", "2015-11-30",
     [("Indicators of a successful IXP", True), ("Case studies", True), ("Final report", True)],
     {"government": 3, "intergovernmental_organization": 2, "civil_society": 5, "technical_community": 18, "private_sector": 12},
     {"african": 12, "asia_pacific": 8, "eastern_european": 3, "latin_american_and_caribbean": 7, "western_european_and_others": 10},
     {"women": 11, "men": 29}, 7, 16, ["Internet Society", "AF-IX", "Euro-IX", "LAC-IX"],
     [("presented", "Findings presented at regional IXP association meetings", "illustrative")],
     ("HS", "follow-up", "4"),
     "Final version 30 November 2015 with indicators of a successful IXP and case studies (S20, S21); contributor count about 40; other dates, counts and the uptake level are illustrative."),
    ("bpf-ipv6-2016", "IPv6: commercial and economic incentives behind a successful deployment", 2016, "2016-12-06",
     "2016-06-23", "2016-10-05", "2017-01-31",
     [("Case studies", True), ("Draft for comment", True), ("Final report", True), ("Policy brief for governments", False)],
     {"government": 2, "civil_society": 3, "technical_community": 9, "private_sector": 6},
     {"african": 2, "asia_pacific": 4, "latin_american_and_caribbean": 5, "western_european_and_others": 9},
     {"women": 6, "men": 14}, 6, 11, ["RIPE NCC", "APNIC", "LACNIC"],
     [("disseminated", "Summary posts on CircleID, RIPE Labs and APNIC; printed copies requested for a LACNIC event", "S25")],
     ("S", "living", "4"),
     "First open call 23 June 2016, draft early October, final report dated January 2017 (S24, S25); uptake from S25; counts, partners and the policy brief are illustrative."),
    ("bpf-gender-access-2017", "Gender and Access: needs of refugee, indigenous and disabled women", 2017, "2017-12-18",
     "2017-05-10", "2017-11-10", "2018-02-20",
     [("Public survey", True), ("Draft report", True), ("Final report", True)],
     {"government": 3, "intergovernmental_organization": 2, "civil_society": 21, "technical_community": 4, "private_sector": 3, "academia": 5},
     {"african": 9, "asia_pacific": 11, "eastern_european": 2, "latin_american_and_caribbean": 8, "western_european_and_others": 8},
     {"women": 31, "men": 6, "undisclosed": 1}, 9, 24, ["APC", "Web Foundation"],
     [("presented", "Findings presented at a regional IGF", "illustrative")],
     ("S", "follow-up", "4"),
     "Annual focus from S27; all dates, counts, partners and the uptake level are illustrative."),
    ("bpf-iot-bigdata-ai-2018", "IoT, Big Data, AI", 2018, "2018-11-12",
     "2018-04-25", "2018-10-30", "2019-01-10",
     [("Scoping paper", True), ("Draft output", True), ("Final output", True), ("Glossary", False)],
     {"government": 4, "intergovernmental_organization": 1, "civil_society": 5, "technical_community": 6, "private_sector": 9},
     {"african": 3, "asia_pacific": 6, "eastern_european": 1, "latin_american_and_caribbean": 3, "western_european_and_others": 12},
     {"women": 9, "men": 16}, 6, 8, ["IEEE", "OECD"],
     [],
     ("MS", "follow-up", "3"),
     "First year of the BPF, proposal on the 2018 template (S14, S31); all dates, counts, partners and the glossary deliverable are illustrative."),
    ("bpf-local-content-2018", "Local content: the local content value chain", 2018, "2018-11-12",
     "2018-05-15", "2018-10-15", "2018-12-20",
     [("Call for examples", True), ("Draft output", True), ("Final output", True)],
     {"government": 6, "intergovernmental_organization": 2, "civil_society": 8, "technical_community": 3, "private_sector": 4},
     {"african": 6, "asia_pacific": 5, "eastern_european": 2, "latin_american_and_caribbean": 6, "western_european_and_others": 4},
     {"women": 12, "men": 11}, 5, 14, ["UNESCO"],
     [("disseminated", "Examples shared with NRIs", "illustrative")],
     ("MS", "follow-up", "3"),
     "Theme from S29; all dates, counts, partners and the uptake level are illustrative."),
    ("bpf-data-new-tech-2020", "Data and New Technologies in an Internet Context", 2020, "2020-11-02",
     "2020-03-20", "2020-10-10", "2020-12-15",
     [("Issues Card", True), ("Case studies", True), ("Final report", True)],
     {"government": 2, "intergovernmental_organization": 1, "civil_society": 4, "technical_community": 3, "private_sector": 5},
     {"african": 2, "asia_pacific": 4, "latin_american_and_caribbean": 3, "western_european_and_others": 6},
     {"women": 7, "men": 8}, 10, 4, ["NRIs of the Asia-Pacific region"],
     [("disseminated", "Issues Card shared at the IGF 2020 session", "illustrative")],
     ("S", "living", "4"),
     "Issues Card, four case studies and at least ten virtual meetings by 22 October (S36); dates, contributor counts and partners are illustrative."),
]


def record(bpf):
    (sid, title, year, meeting, kick, draft, final, deliverables, groups, regions, genders,
     meetings, contributions, partners, uptake, _judgement, note) = bpf
    return {
        "format_version": 1,
        "subject": {"id": sid, "title": title, "year": year},
        "deliverables": [
            {"id": f"d{i + 1}", "title": t, "delivered": done} for i, (t, done) in enumerate(deliverables)
        ],
        "dates": {"kick_off": kick, "draft_published": draft, "annual_meeting": meeting, "final_published": final},
        "contributors": {"stakeholder_groups": groups, "regions": regions, "genders": genders},
        "meetings_held": meetings,
        "written_contributions": contributions,
        "partners": partners,
        "uptake": [{"level": lvl, "description": what, "source": src} for lvl, what, src in uptake],
        "note": note,
    }


def assessment(bpf):
    sid, title, year = bpf[0], bpf[1], bpf[2]
    quality, continuity, efficiency = bpf[15]
    return {
        "rubric": {"id": "bpf-outcome", "version": "1.0.0"},
        "kind": "outcome",
        "subject": {"id": sid, "title": title, "year": year},
        "assessor": {"id": "sec-01", "stakeholder_group": "intergovernmental_organization",
                     "region": "intergovernmental", "role": "secretariat"},
        "conflict_of_interest": {"declared": False},
        "answers": [
            {"criterion": "O3", "value": {"level": quality}, "comment": "Illustrative."},
            {"criterion": "O7", "value": {"level": continuity}, "comment": "Illustrative."},
            {"criterion": "O8", "value": {"scale": efficiency}, "comment": "Illustrative."},
        ],
    }


def write(path, document):
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for bpf in BPFS:
        name = bpf[0].removeprefix("bpf-")
        write(OUT / f"{name}.json", record(bpf))
        write(OUT / f"{name}-assessment.json", assessment(bpf))


if __name__ == "__main__":
    main()
