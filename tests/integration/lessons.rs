//! Lessons learned: themes counted and ranked, every answer reachable from the summary.

use igf_rubric::Document;
use std::collections::BTreeSet;

use igf_rubric::{
    Assessment, Role, StakeholderGroup, Subject,
    lessons::{Consultation, Question, Respondent, Response, Theme},
    report,
};
use proptest::prelude::*;
use serde_json::{Value, json};

fn text(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn sample() -> Consultation {
    Consultation::from_json(&text("examples/data/lessons.json")).unwrap()
}

#[test]
fn themes_rank_by_bpfs_then_answers_and_ties_share_a_rank() {
    let summary = sample().summarise();
    let ranks: Vec<(usize, &str, usize, usize)> = summary
        .themes
        .iter()
        .map(|t| (t.rank, t.theme.as_str(), t.bpfs.len(), t.quotes.len()))
        .collect();
    assert_eq!(
        ranks,
        [
            (1, "secretariat-support", 6, 6),
            (2, "early-start", 4, 4),
            (2, "timeline", 4, 4),
            (2, "participation-diversity", 4, 4),
            (5, "scope-focus", 3, 4),
            (6, "dissemination", 3, 3),
            (7, "expert-outreach", 1, 2),
        ]
    );
    assert_eq!(
        (summary.responses, summary.respondents, summary.bpfs),
        (22, 15, 7)
    );
    let untagged: Vec<(&str, &str)> = summary
        .untagged
        .iter()
        .map(|q| (q.response.as_str(), q.title.as_str()))
        .collect();
    assert_eq!(
        untagged,
        [(
            "r22",
            "Regulation and mitigation of unwanted communications"
        )]
    );
    assert!(
        report::lessons_markdown(&summary)
            .contains(&format!("> {}\n>\n> — ", summary.untagged[0].text)),
        "an answer not yet coded is shown by its text"
    );
    let scope = summary
        .themes
        .iter()
        .find(|t| t.theme == "scope-focus")
        .unwrap();
    let q = scope.by_question;
    assert_eq!(
        (q.worked_well, q.worked_less_well, q.do_differently),
        (1, 2, 1)
    );
    let roles: Vec<(Role, usize)> = scope
        .by_role
        .iter()
        .map(|r| (r.role, r.counts.total()))
        .collect();
    assert_eq!(roles, [(Role::Coordinator, 4)]);
    let years: Vec<(u16, usize)> = scope
        .by_year
        .iter()
        .map(|y| (y.year, y.counts.total()))
        .collect();
    assert_eq!(years, [(2015, 1), (2018, 1), (2019, 2)]);
    let bpfs: Vec<(&str, usize)> = scope
        .by_bpf
        .iter()
        .map(|b| (b.bpf.as_str(), b.counts.total()))
        .collect();
    assert_eq!(
        bpfs,
        [
            ("bpf-ixps-2015", 1),
            ("bpf-iot-bigdata-ai-2018", 1),
            ("bpf-cybersecurity-2019", 2)
        ]
    );
    assert_eq!(
        scope.quotes[1].text,
        "The work could have been more successful if it was more clearly targeted."
    );
}

#[test]
fn a_consultation_loads_only_with_known_unique_themes() {
    let load = |edit: &dyn Fn(&mut Value)| {
        let mut doc: Value = serde_json::from_str(&text("examples/data/lessons.json")).unwrap();
        edit(&mut doc);
        Consultation::from_json(&doc.to_string())
    };
    let error = load(&|d| d["responses"][0]["themes"] = json!(["secretariat-suport"])).unwrap_err();
    assert!(error.to_string().starts_with(
        "responses[0](r01).themes[0]: unknown theme `secretariat-suport` (did you mean `secretariat-support`?)"
    ), "{error}");
    let error =
        load(&|d| d["responses"][0]["themes"] = json!(["timeline", "timeline"])).unwrap_err();
    assert_eq!(error.code(), "duplicate_id");
    let error = load(&|d| d["code_book"][1]["id"] = json!("early-start")).unwrap_err();
    assert_eq!(error.code(), "duplicate_id");
    let error = load(&|d| d["responses"][3]["question"] = json!("worked_badly")).unwrap_err();
    assert_eq!(error.code(), "unknown_name");
    let consultation = sample();
    assert_eq!(
        Consultation::from_json(&consultation.to_json().unwrap()).unwrap(),
        consultation
    );
}

#[test]
fn assessments_bring_their_three_answers_once() {
    let mut consultation = sample();
    let sheet =
        Assessment::from_json(&text("examples/data/outcomes/cybersecurity-2019.json")).unwrap();
    consultation.add_assessment(&sheet).unwrap();
    assert_eq!(consultation.responses.len(), 24);
    assert_eq!(
        consultation.responses[22].id,
        "sec-02.bpf-cybersecurity-2019.worked_less_well"
    );
    assert_eq!(consultation.responses[23].question, Question::DoDifferently);
    let error = consultation.add_assessment(&sheet).unwrap_err();
    assert_eq!(error.code(), "duplicate_id");
    assert_eq!(
        consultation.responses.len(),
        24,
        "a refused assessment adds nothing"
    );
    assert_eq!(consultation.summarise().untagged.len(), 3);
}

#[test]
fn a_bpf_has_one_title_and_year_in_a_consultation() {
    let mut consultation = consultation_from(vec![(0, 1, 0, vec![0]), (1, 1, 1, vec![])]);
    consultation.check().unwrap();
    consultation.responses[1].bpf.title = "Another name".into();
    let error = consultation.check().unwrap_err();
    assert_eq!(error.code(), "inconsistent");
    assert_eq!(error.path().unwrap().to_string(), "responses[1](r1).bpf");
    assert!(error.to_string().contains("answer `r0`"), "{error}");
    consultation.responses[1].bpf.title = "B".into();
    consultation.responses[1].bpf.year += 1;
    assert_eq!(consultation.check().unwrap_err().code(), "inconsistent");
}

fn consultation_from(tags: Vec<(u8, u8, u8, Vec<u8>)>) -> Consultation {
    let code_book = (0..5)
        .map(|i| Theme {
            id: format!("t{i}"),
            label: format!("Theme {i}"),
            description: String::new(),
        })
        .collect();
    let responses = tags
        .into_iter()
        .enumerate()
        .map(|(n, (who, bpf, question, themes))| {
            let themes: BTreeSet<u8> = themes.into_iter().collect();
            Response {
                id: format!("r{n}"),
                respondent: Respondent {
                    id: format!("p{who}"),
                    role: Role::ALL[usize::from(who) % Role::ALL.len()],
                    stakeholder_group: StakeholderGroup::CivilSociety,
                    region: None,
                },
                bpf: Subject::new(format!("bpf-{bpf}"), "B", 2014 + u16::from(bpf)),
                question: Question::ALL[usize::from(question) % 3],
                text: format!("answer {n} ✓ «{who}»"),
                themes: themes.into_iter().map(|t| format!("t{t}")).collect(),
            }
        })
        .collect();
    Consultation {
        format_version: 1,
        title: "Generated".into(),
        code_book,
        responses,
    }
}

proptest! {
    /// The summary loses no answer: the quotes under the themes are exactly the tags given,
    /// every answer is quoted or listed as untagged, and the counts add up to the quotes.
    #[test]
    fn summarising_loses_no_answer(
        tags in prop::collection::vec((0u8..6, 0u8..4, 0u8..3, prop::collection::vec(0u8..5, 0..4)), 0..40)
    ) {
        let consultation = consultation_from(tags);
        consultation.check().unwrap();
        let summary = consultation.summarise();
        let tagged: usize = consultation.responses.iter().map(|r| r.themes.len()).sum();
        let quoted: usize = summary.themes.iter().map(|t| t.quotes.len()).sum();
        prop_assert_eq!(quoted, tagged);
        let mut reached: BTreeSet<&str> = summary.untagged.iter().map(|q| q.response.as_str()).collect();
        for theme in &summary.themes {
            prop_assert_eq!(theme.by_question.total(), theme.quotes.len());
            prop_assert_eq!(theme.by_role.iter().map(|r| r.counts.total()).sum::<usize>(), theme.quotes.len());
            prop_assert_eq!(theme.by_year.iter().map(|y| y.counts.total()).sum::<usize>(), theme.quotes.len());
            prop_assert_eq!(theme.by_bpf.iter().map(|b| b.counts.total()).sum::<usize>(), theme.quotes.len());
            prop_assert_eq!(theme.by_bpf.len(), theme.bpfs.len());
            for quote in &theme.quotes {
                let response = consultation.responses.iter().find(|r| r.id == quote.response).unwrap();
                prop_assert_eq!(&response.text, &quote.text);
                prop_assert!(response.themes.contains(&theme.theme));
                reached.insert(&quote.response);
            }
        }
        prop_assert_eq!(reached.len(), consultation.responses.len());
        // Ranks never fall behind a theme raised by more BPFs.
        for pair in summary.themes.windows(2) {
            prop_assert!(pair[0].bpfs.len() >= pair[1].bpfs.len());
            prop_assert!(pair[0].rank <= pair[1].rank);
        }
    }

    /// Reordering the answers changes no count, no rank and no set of quotes.
    #[test]
    fn the_order_of_answers_changes_no_count(
        tags in prop::collection::vec((0u8..6, 0u8..4, 0u8..3, prop::collection::vec(0u8..5, 0..4)), 1..30)
    ) {
        let forward = consultation_from(tags);
        let mut backward = forward.clone();
        backward.responses.reverse();
        let digest = |c: &Consultation| -> Vec<String> {
            c.summarise()
                .themes
                .iter()
                .map(|t| {
                    let quotes: BTreeSet<&str> = t.quotes.iter().map(|q| q.response.as_str()).collect();
                    format!("{} {} {:?} {:?} {:?} {:?} {quotes:?}", t.theme, t.rank, t.bpfs, t.by_question, t.by_role, t.by_year)
                })
                .collect()
        };
        prop_assert_eq!(digest(&forward), digest(&backward));
    }
}
