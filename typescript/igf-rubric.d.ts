/* Generated from schemas/igf-rubric.schema.json by tests/contract/types.mjs
 * (json-schema-to-typescript). Do not edit: regenerate with `node tests/contract/types.mjs`. */

/**
 * Any document of igf-rubric; each document's own type is in $defs under its title.
 */
export type IgfRubricDocument =
  | Rubric
  | Assessment
  | Panel
  | EvaluationRequest
  | Scorecard
  | PanelReport
  | EvaluationResult
  | ErrorDocument
  | OutcomeRecord
  | Commitments
  | ResultsFramework
  | Consultation
  | LessonsSummary
  | Rescoring
  | ReportText
  | FeedbackRound
  | Ranking
  | Weights
  | RankAcceptability
  | AlternativePriorities;
/**
 * An id: 1 to 64 characters from A-Z a-z 0-9 _ - .
 */
export type Id = string;
/**
 * An exact decimal number. A JSON number, or a string of digits with an optional sign and decimal point and at most 28 digits ("2.5"). Numbers are read from their text, never through binary floating point.
 */
export type Decimal = string | number;
/**
 * A number an [`OutcomeRecord`](crate::evidence::OutcomeRecord) yields, named so a rubric criterion can take its answer from
 * it (`"evidence": {"indicator": "delivery_rate"}`) and a proposal can set a target on it.
 *
 * | indicator | answer | computed as |
 * |---|---|---|
 * | `final_published` | yes/no | the record has a final-output date |
 * | `final_within_days` (`days`) | yes/no | final output at most `days` after the annual meeting's first day |
 * | `deliverables_delivered` | count | deliverables marked delivered |
 * | `delivery_rate` | percent | delivered / planned x 100, at 10 places (half-even) |
 * | `draft_lead_days` | count | days from the draft to the annual meeting; 0 when the draft came later |
 * | `meetings_held`, `written_contributions`, `partners` | count | as recorded |
 * | `contributors_by_group`, `contributors_by_region`, `contributors_by_gender` | distribution | contributor counts |
 * | `groups_represented`, `regions_represented` | count | stakeholder groups or regions with at least one contributor |
 * | `highest_uptake` | level | the highest [`UptakeLevel`] reached, or `none` |
 *
 * Where the record lacks what an indicator needs (no planned deliverables, no draft date),
 * the answer is "unable to assess", and the basis says why.
 */
export type Indicator =
  | {
      indicator: "final_published";
    }
  | {
      days: Count;
      indicator: "final_within_days";
    }
  | {
      indicator: "deliverables_delivered";
    }
  | {
      indicator: "delivery_rate";
    }
  | {
      indicator: "draft_lead_days";
    }
  | {
      indicator: "meetings_held";
    }
  | {
      indicator: "written_contributions";
    }
  | {
      indicator: "partners";
    }
  | {
      indicator: "contributors_by_group";
    }
  | {
      indicator: "contributors_by_region";
    }
  | {
      indicator: "contributors_by_gender";
    }
  | {
      indicator: "groups_represented";
    }
  | {
      indicator: "regions_represented";
    }
  | {
      indicator: "highest_uptake";
    };
/**
 * A whole number from 0 to 9007199254740991 (2^53 - 1), written as a JSON number.
 */
export type Count = number;
/**
 * How a criterion is measured, and how its answer is normalised to `[0, 1]`.
 *
 * In JSON the metric is an object with a `"type"` tag: `{"type": "scale", "min": 1, "max": 5}`.
 * Every metric that can be scored maps its answer to a normalised score `s` in `[0, 1]`
 * exactly (formulas on each variant); `text` is kept and never scored.
 *
 * Scored through a rubric, a half-point scale from 0 to 5 turns 3.5 into `0.7`, and an NIH-style
 * scale (1 = best, 9 = worst) turns 3 into `0.75`: see [`Rubric::score`](crate::Rubric::score).
 */
export type Metric =
  | {
      direction?: Direction;
      max: Decimal;
      min: Decimal;
      step?: PositiveDecimal;
      type: "scale";
    }
  | {
      /**
       * The levels, worst first.
       *
       * @minItems 2
       */
      levels: [Level, Level, ...Level[]];
      type: "levels";
    }
  | {
      type: "yes_no";
    }
  | {
      curve?: CountCurve;
      target: PositiveCount;
      type: "count";
    }
  | {
      target?: PercentTarget;
      type: "percent";
    }
  | {
      /**
       * The category ids, e.g. the five IGF stakeholder groups.
       *
       * @minItems 2
       */
      categories: [Id, Id, ...Id[]];
      measure: DistributionMeasure;
      target: PositiveDecimal;
      type: "distribution";
    }
  | {
      type: "text";
    };
/**
 * Whether high or low values are better, on a scale criterion or on the total.
 */
export type Direction = "higher_is_better" | "lower_is_better";
/**
 * An exact decimal number > 0. A JSON number, or a string of digits with an optional sign and decimal point and at most 28 digits ("2.5"). Numbers are read from their text, never through binary floating point.
 */
export type PositiveDecimal = string | number;
/**
 * How a [`Metric::Count`] scores counts below its target.
 */
export type CountCurve = "linear" | "all_or_nothing";
/**
 * A whole number from 1 to 9007199254740991 (2^53 - 1), written as a JSON number.
 */
export type PositiveCount = number;
/**
 * A target percentage above 0 and at most 100, as an exact decimal. A JSON number, or a string of digits with an optional sign and decimal point and at most 28 digits ("2.5"). Numbers are read from their text, never through binary floating point.
 */
export type PercentTarget = ((string | string) & string) | number;
/**
 * Which spread a [`Metric::Distribution`] scores.
 */
export type DistributionMeasure = "evenness" | "coverage";
/**
 * An exact decimal number >= 0. A JSON number, or a string of digits with an optional sign and decimal point and at most 28 digits ("2.5"). Numbers are read from their text, never through binary floating point.
 */
export type NonNegativeDecimal = string | number;
/**
 * The condition of a [`Gate`].
 */
export type GateRule =
  | {
      criterion: Id;
      type: "requires_yes";
    }
  | {
      criterion: Id;
      threshold: Decimal;
      type: "criterion_minimum";
    }
  | {
      threshold: Decimal;
      type: "total_minimum";
    }
  | {
      type: "no_conflict_of_interest";
    };
/**
 * Whether a rubric assesses proposals (ex ante) or outcomes (ex post).
 */
export type RubricKind = "proposal" | "outcome";
/**
 * What an answer left out of an assessment means. Leaving a criterion out is not the same as
 * answering "unable to assess", so a rubric says which it is; by default a sheet that leaves
 * out a weighted criterion is incomplete, and nothing is passed over in silence.
 *
 * ```
 * use igf_rubric::{Assessment, Document, presets};
 * use igf_rubric::rubric::OmittedPolicy;
 *
 * let rubric = presets::bpf_proposal();
 * assert_eq!(rubric.doc().omitted, OmittedPolicy::Incomplete);
 * let mut sheet = Assessment::from_json(include_str!("../../examples/data/proposals/ipv6-2016.json"))?;
 * sheet.answers.retain(|a| a.criterion != "P1");
 * let card = rubric.score(&sheet)?;
 * assert!(!card.complete);
 * assert_eq!(rubric.omitted(&sheet).map(|c| c.id.as_str()).collect::<Vec<_>>(), ["P1"]);
 * # Ok::<(), Box<dyn std::error::Error>>(())
 * ```
 */
export type OmittedPolicy = "incomplete" | "as_unable_to_assess" | "count_as_minimum";
/**
 * How the scores of several assessors of one subject are combined into one.
 *
 * In JSON: `{"method": "median"}`, `{"method": "trimmed_mean", "trim": {"count": 1}}`,
 * `{"method": "winsorised_mean", "trim": {"share": "0.2"}}`.
 */
export type Aggregation =
  | {
      method: "mean";
    }
  | {
      method: "median";
    }
  | {
      method: "trimmed_mean";
      trim: Trim;
    }
  | {
      method: "winsorised_mean";
      trim: Trim;
    }
  | {
      method: "min";
    }
  | {
      method: "max";
    };
/**
 * How much a trimmed or winsorised mean cuts at each end.
 */
export type Trim =
  | {
      share: Share;
    }
  | {
      count: Count;
    };
/**
 * A share from 0 up to (not including) 0.5, as an exact decimal. A JSON number, or a string of digits with an optional sign and decimal point and at most 28 digits ("2.5"). Numbers are read from their text, never through binary floating point.
 */
export type Share = string | number;
/**
 * What a panel combines.
 */
export type Basis = "totals" | "criteria";
/**
 * An exact decimal above 0 and at most 1. A JSON number, or a string of digits with an optional sign and decimal point and at most 28 digits ("2.5"). Numbers are read from their text, never through binary floating point.
 */
export type UnitFraction = string | number;
/**
 * One step of a tie-break chain.
 */
export type TieBreak =
  | {
      by: "criterion";
      criterion: Id;
    }
  | {
      by: "smaller_spread";
    };
/**
 * How a value is rounded to the published decimal places.
 *
 * Examples are for two decimal places.
 */
export type RoundingMode = "half_even" | "half_up" | "half_down" | "up" | "down" | "ceiling" | "floor";
/**
 * An end of the total scale: an exact decimal from -1000000 to 1000000 with at most 10 decimal places.
 */
export type ScaleEnd = Decimal;
/**
 * What an "unable to assess" answer does (and an omitted answer, when the rubric's
 * [`OmittedPolicy`] is [`OmittedPolicy::AsUnableToAssess`]).
 */
export type UnablePolicy = "renormalise" | "count_as_minimum" | "incomplete";
/**
 * What a weighting method was given.
 */
export type WeightInputs =
  | {
      kind: "none";
    }
  | {
      kind: "given";
      /**
       * One value per criterion, `>= 0`, not all 0.
       */
      values: NonNegativeDecimal[];
    }
  | {
      kind: "ranks";
      /**
       * Each criterion's rank, 1 the most important; ties share a rank.
       */
      ranks: PositiveCount[];
    }
  | {
      kind: "comparisons";
      /**
       * The comparisons above the diagonal, row by row (`a_12, a_13, ..., a_23, ...`), each
       * how many times more important the row's criterion is; `null` where not made.
       */
      upper: (PositiveDecimal | null)[];
    }
  | {
      kind: "data";
      /**
       * E.g. `MAG panel 2026: 6 proposals x 8 criteria`.
       */
      source: string;
    };
/**
 * How a set of weights was derived.
 */
export type WeightsMethod =
  | {
      method: "direct";
    }
  | {
      method: "equal";
    }
  | {
      method: "rank_order_centroid";
    }
  | {
      method: "rank_sum";
    }
  | {
      method: "rank_reciprocal";
    }
  | {
      method: "ahp";
      priorities: PriorityMethod;
    }
  | {
      method: "entropy";
    }
  | {
      method: "critic";
    };
/**
 * How AHP priorities are read from a pairwise comparison matrix.
 */
export type PriorityMethod = "eigenvector" | "geometric_mean";
/**
 * A published table of random consistency indices: the mean consistency index of random
 * reciprocal matrices of each size, which AHP's consistency ratio `CR = CI / RI` divides by.
 * Each table was estimated by its own simulation, so the same comparisons give a different
 * ratio under each; name the table beside the ratio.
 *
 * ```
 * use igf_rubric::decision::RandomIndex;
 *
 * assert_eq!(RandomIndex::Saaty1980.value(7), Some(1.32));
 * assert_eq!(RandomIndex::Saaty2005.value(7), Some(1.35)); // AHPy's 'saaty'
 * assert_eq!(RandomIndex::TummalaLing1998.value(7), Some(1.3322)); // pymcdm
 * // AHPy's default, linear between the sizes tabulated (20: 1.5371, 25: 1.5619):
 * assert!((RandomIndex::DoneganDodd1991.value(22).unwrap() - 1.54702).abs() < 1e-12);
 * assert_eq!(RandomIndex::Saaty1980.value(16), None);
 * ```
 */
export type RandomIndex = "saaty_1980" | "saaty_2005" | "donegan_dodd_1991" | "tummala_ling_1998";
/**
 * A raw answer, tagged with its type: `{"scale": 4}`, `{"level": "defined"}`,
 * `{"yes_no": true}`, `{"count": 3}`, `{"percent": "87.5"}`,
 * `{"distribution": {"government": 2, "civil_society": 3}}`, `{"text": "..."}`, or the strings
 * `"unable_to_assess"` and `"not_applicable"`.
 */
export type AnswerValue =
  | {
      scale: Decimal;
    }
  | {
      level: string;
    }
  | {
      yes_no: boolean;
    }
  | {
      count: Count;
    }
  | {
      percent: Percent;
    }
  | {
      distribution: Distribution;
    }
  | {
      text: string;
    }
  | "unable_to_assess"
  | "not_applicable";
/**
 * A percentage from 0 to 100, as an exact decimal. A JSON number, or a string of digits with an optional sign and decimal point and at most 28 digits ("2.5"). Numbers are read from their text, never through binary floating point.
 */
export type Percent = string | number;
/**
 * Regional groups, as used in IGF submission forms (the UN regional groups plus two more).
 */
export type Region =
  | "african"
  | "asia_pacific"
  | "eastern_european"
  | "latin_american_and_caribbean"
  | "western_european_and_others"
  | "intergovernmental"
  | "other";
/**
 * The role an assessor plays.
 */
export type Role =
  "mag_member" | "mag_chair" | "coordinator" | "lead_expert" | "contributor" | "secretariat" | "external_reviewer";
/**
 * IGF stakeholder groups, as used in IGF submission forms, plus academia.
 */
export type StakeholderGroup =
  | "government"
  | "intergovernmental_organization"
  | "civil_society"
  | "technical_community"
  | "private_sector"
  | "academia";
/**
 * A calendar date, YYYY-MM-DD (a day that exists, years 1-9999).
 */
export type Date = string;
/**
 * The rungs of uptake evidence, lowest first; impact is scored as evidence levels, never as
 * counts. The ids are those of the `bpf-outcome` preset's criterion O6, where `none` is the
 * level below the first.
 */
export type UptakeLevel = "disseminated" | "presented" | "cited" | "practice";
/**
 * A reliability figure of a panel report.
 */
export type ReliabilityFigure = "totals_alpha" | "bands_alpha" | "bands_agreement" | "totals_icc" | "criteria_alpha";
/**
 * The rubric of a request: `{"preset": {"id": "bpf-proposal"}}` or `{"document": {...}}`.
 */
export type RubricSource =
  | {
      preset: {
        /**
         * The preset's id, e.g. `bpf-proposal`.
         */
        id: "bpf-proposal" | "bpf-outcome" | "horizon-europe-ria" | "horizon-europe-ia" | "nih-overall-impact";
        /**
         * The version the caller expects; absent: whichever version the crate ships.
         */
        version?: string | null;
      };
    }
  | {
      document: Rubric;
    };
/**
 * An id, as the document read gave it (1 to 64 characters from A-Z a-z 0-9 _ - .).
 */
export type WrittenId = string;
/**
 * A raw answer, tagged with its type: `{"scale": 4}`, `{"level": "defined"}`,
 * `{"yes_no": true}`, `{"count": 3}`, `{"percent": "87.5"}`,
 * `{"distribution": {"government": 2, "civil_society": 3}}`, `{"text": "..."}`, or the strings
 * `"unable_to_assess"` and `"not_applicable"`.
 */
export type WrittenAnswerValue =
  | {
      scale: WrittenDecimal;
    }
  | {
      level: string;
    }
  | {
      yes_no: boolean;
    }
  | {
      count: Count;
    }
  | {
      percent: WrittenPercent;
    }
  | {
      distribution: Distribution;
    }
  | {
      text: string;
    }
  | "unable_to_assess"
  | "not_applicable";
/**
 * An exact decimal number. Written as a string of digits with an optional sign and decimal point ("2.5"), never as a JSON number.
 */
export type WrittenDecimal = string;
/**
 * A percentage from 0 to 100, as an exact decimal. Written as a string of digits with an optional sign and decimal point ("2.5"), never as a JSON number.
 */
export type WrittenPercent = string;
/**
 * What happened to a criterion.
 */
export type CriterionStatus = "scored" | "counted_as_minimum" | "left_out" | "unscored";
/**
 * The kinds of [`Flag`].
 */
export type FlagKind = "left_out" | "counted_as_minimum" | "renormalised" | "incomplete";
/**
 * An end of the total scale: an exact decimal from -1000000 to 1000000 with at most 10 decimal places.
 */
export type WrittenScaleEnd = WrittenDecimal & (string | number);
/**
 * A chance-corrected agreement coefficient of the family.
 */
export type ChanceCorrected = "fleiss" | "gwet" | "conger" | "brennan_prediger" | "krippendorff";
/**
 * How strong an agreement coefficient is, on the scale its literature uses: Landis and Koch
 * for kappas, Krippendorff for alpha, Koo and Li for ICCs. Bands of different scales that share
 * a name share a variant.
 */
export type Interpretation =
  | "poor"
  | "slight"
  | "fair"
  | "moderate"
  | "substantial"
  | "almost_perfect"
  | "unreliable"
  | "tentative"
  | "reliable"
  | "good"
  | "excellent";
/**
 * Agreement weights `w_kl` in `[0, 1]` between categories `k` and `l` (1 on the diagonal),
 * from the categories' values `x` ([`CategoricalRatings::values`]), as `irrCAC` defines them.
 */
export type Weighting = "identity" | "linear" | "quadratic" | "ordinal" | "radical" | "ratio" | "circular" | "bipolar";
/**
 * The ANOVA model behind an ICC.
 */
export type IccModel = "one_way_random" | "two_way_random" | "two_way_mixed";
/**
 * Whether an ICC measures absolute agreement or consistency (McGraw and Wong 1996).
 */
export type IccType = "absolute_agreement" | "consistency";
/**
 * Whether an ICC is the reliability of one rater or of the mean of all `k` raters.
 */
export type IccUnit = "single" | "average";
/**
 * How the scores of several assessors of one subject are combined into one.
 *
 * In JSON: `{"method": "median"}`, `{"method": "trimmed_mean", "trim": {"count": 1}}`,
 * `{"method": "winsorised_mean", "trim": {"share": "0.2"}}`.
 */
export type WrittenAggregation =
  | {
      method: "mean";
    }
  | {
      method: "median";
    }
  | {
      method: "trimmed_mean";
      trim: WrittenTrim;
    }
  | {
      method: "winsorised_mean";
      trim: WrittenTrim;
    }
  | {
      method: "min";
    }
  | {
      method: "max";
    };
/**
 * How much a trimmed or winsorised mean cuts at each end.
 */
export type WrittenTrim =
  | {
      share: WrittenShare;
    }
  | {
      count: Count;
    };
/**
 * A share from 0 up to (not including) 0.5, as an exact decimal. Written as a string of digits with an optional sign and decimal point ("2.5"), never as a JSON number.
 */
export type WrittenShare = string;
/**
 * An exact decimal above 0 and at most 1. Written as a string of digits with an optional sign and decimal point ("2.5"), never as a JSON number.
 */
export type WrittenUnitFraction = string;
/**
 * An exact decimal number >= 0. Written as a string of digits with an optional sign and decimal point ("2.5"), never as a JSON number.
 */
export type WrittenNonNegativeDecimal = string;
/**
 * One step of a tie-break chain.
 */
export type WrittenTieBreak =
  | {
      by: "criterion";
      criterion: WrittenId;
    }
  | {
      by: "smaller_spread";
    };
/**
 * The rule behind a [`Decision`].
 */
export type DecisionReason =
  "selected" | "insufficient" | "ineligible" | "below_threshold" | "below_capacity" | "tied_at_capacity";
/**
 * Whether a subject could be scored.
 */
export type SubjectStatus = "scored" | "insufficient";
/**
 * The three standing BPF questions.
 */
export type Question = "worked_well" | "worked_less_well" | "do_differently";
/**
 * Ids, each once.
 */
export type UniqueIds = Id[];
/**
 * The kinds of [`CriterionChange`].
 */
export type ChangeKind = "added" | "removed" | "reweighted" | "rescaled" | "moved" | "renamed";
/**
 * Draft or final.
 */
export type Stage = "draft" | "final";
/**
 * What was done with a feedback item.
 */
export type Disposition = "accepted" | "partly_accepted" | "not_accepted" | "pending";
/**
 * What a feedback item is about.
 */
export type FeedbackTarget =
  | {
      id: Id;
      type: "criterion";
    }
  | {
      id: Id;
      type: "finding";
    }
  | {
      id: Id;
      type: "recommendation";
    }
  | {
      id: Id;
      type: "section";
    };
/**
 * A method's intermediate values.
 */
export type RankingDetails =
  | {
      /**
       * For the weighted product: each subject's `log10` of its product,
       * `Σ_j w_j log10 n_ij`, the score scikit-criteria reports; it ranks as the product
       * does and does not underflow on large problems (`null` where a value is 0).
       */
      log10_scores?: (number | null)[] | null;
      method: "weighted";
      /**
       * The normalised matrix (left out on request: [`Tables::Omit`]).
       */
      normalised?: Table | null;
    }
  | {
      /**
       * The anti-ideal point.
       */
      anti_ideal: number[];
      /**
       * The ideal point (best weighted value per criterion).
       */
      ideal: number[];
      method: "topsis";
      /**
       * Each subject's distance to the anti-ideal.
       */
      to_anti_ideal: number[];
      /**
       * Each subject's distance to the ideal.
       */
      to_ideal: number[];
      /**
       * The normalised matrix, weighted (left out on request: [`Tables::Omit`]).
       */
      weighted?: Table | null;
    }
  | {
      /**
       * Whether the best by Q leads the second by at least `1/(m-1)` (condition C1).
       */
      acceptable_advantage: boolean;
      /**
       * Whether the best by Q is also best by S or by R (condition C2).
       */
      acceptable_stability: boolean;
      /**
       * The compromise solution: the best alone when both conditions hold, else the
       * subjects (indexes) the conditions leave in.
       */
      compromise: Count[];
      method: "vikor";
      /**
       * The compromise ranking's `Q` (also the scores).
       */
      q: number[];
      /**
       * Individual regret `R`.
       */
      r: number[];
      /**
       * Group utility `S`.
       */
      s: number[];
      /**
       * The weight of the strategy of the majority of criteria.
       */
      v: number;
    }
  | {
      method: "promethee";
      /**
       * Negative (entering) flows.
       */
      negative_flow: number[];
      /**
       * Positive (leaving) flows.
       */
      positive_flow: number[];
    };
/**
 * A matrix as an array of rows of numbers, all of one length.
 */
export type Table = number[][];
/**
 * How weights are sampled around the declared ones.
 */
export type Sampling =
  | {
      /**
       * The concentration, > 0.
       */
      concentration: number;
      sampling: "dirichlet";
    }
  | {
      sampling: "uniform";
      /**
       * The relative spread, in `[0, 1)`.
       */
      spread: number;
    };
/**
 * How local priorities are combined into global ones (Saaty 2001; Belton and Gear 1983).
 */
export type Synthesis = "distributive" | "ideal";

/**
 * A rubric as written in JSON: the unvalidated shape of a [`Rubric`].
 *
 * Build one in code and turn it into a [`Rubric`] with `Rubric::try_from`, or load JSON with
 * [`Rubric::from_json`](crate::Document::from_json). Unknown fields are rejected, so a typo is an error, not a silently
 * dropped setting.
 */
export interface Rubric {
  /**
   * Named ranges of the total, highest first.
   */
  bands?: Band[];
  /**
   * The criteria tree: groups hold criteria, leaves carry a metric.
   *
   * @minItems 1
   */
  criteria: [Criterion, ...Criterion[]];
  /**
   * What the rubric is for and why it is built as it is.
   */
  description?: string;
  /**
   * Version of the document format; 1.
   */
  format_version?: 1;
  /**
   * Pass/fail conditions for eligibility.
   */
  gates?: Gate[];
  id: Id;
  kind: RubricKind;
  omitted?: OmittedPolicy;
  /**
   * How panels using this rubric combine, rank and select, unless a panel says otherwise.
   */
  panel?: PanelRules | null;
  rounding?: Rounding;
  scale?: TotalScale;
  /**
   * Title shown to assessors.
   */
  title: string;
  unable_to_assess?: UnablePolicy;
  /**
   * The rubric's own version, e.g. `2021.1`; assessments name it.
   */
  version: string;
  /**
   * How derived weights were derived, one record per group (or the top level) whose
   * criteria carry them ([`Rubric::with_weights`]).
   */
  weighting?: WeightDerivation[];
}
/**
 * A named range of the total, e.g. "recommend" from 60.
 *
 * Bands are listed from the highest down; each covers totals from its `min` up to the next
 * higher band's `min` (exclusive), the first up to the scale's max. The last band's `min` must
 * be the scale's min, so every total has exactly one band. Bands compare the published total.
 */
export interface Band {
  id: Id;
  /**
   * Label shown to readers, e.g. "Highly Satisfactory".
   */
  label: string;
  min: Decimal;
}
/**
 * A criterion: either a group of criteria or a scored leaf with a metric.
 */
export interface Criterion {
  /**
   * Whether "not applicable" is an accepted answer (e.g. "previous output published" for a
   * new BPF). A not-applicable criterion is left out and its siblings renormalised.
   */
  allow_not_applicable?: boolean;
  /**
   * The children of a group (at least one); absent on a leaf.
   *
   * @minItems 1
   */
  criteria?: [Criterion, ...Criterion[]];
  /**
   * Guidance for assessors.
   */
  description?: string;
  evidence?: Indicator;
  id: Id;
  metric?: Metric;
  /**
   * Short name.
   */
  name: string;
  /**
   * Whether an answer is required: a missing answer is an error, and "unable to assess"
   * makes the assessment incomplete.
   */
  required?: boolean;
  /**
   * Weight relative to its siblings (>= 0; siblings are normalised, so scaling them all by
   * the same factor changes nothing). Required for scored criteria and groups; a text
   * criterion has none or 0.
   */
  weight?: NonNegativeDecimal | null;
}
/**
 * One level of a [`Metric::Levels`] criterion.
 */
export interface Level {
  /**
   * What an assessor should see to choose this level.
   */
  descriptor?: string;
  id: Id;
  /**
   * Short label, e.g. "Defined".
   */
  label: string;
  value: Decimal;
}
/**
 * A pass/fail condition: a subject that fails any gate is ineligible whatever its score.
 */
export interface Gate {
  /**
   * Longer explanation for assessors and readers of the scorecard.
   */
  description?: string;
  id: Id;
  /**
   * Short label, e.g. "Proposal complete".
   */
  label: string;
  rule: GateRule;
}
/**
 * How a panel combines, checks, ranks and selects. A rubric may declare them (`panel`), and a
 * [`Panel`](crate::Panel) document may override them.
 */
export interface PanelRules {
  aggregation?: Aggregation;
  basis?: Basis;
  /**
   * Per-assessor calibration of totals (z-scores mapped back to the panel's mean and spread).
   */
  calibration?: Calibration | null;
  /**
   * How many subjects can be selected (e.g. the BPFs the Secretariat can support).
   */
  capacity?: number | null;
  /**
   * Flag a criterion (or the total) when its assessors' normalised scores span more than
   * this, in `(0, 1]`: 0.5 is 2 points on a 1..5 scale.
   */
  divergence?: UnitFraction | null;
  /**
   * A subject with fewer valid assessors is marked insufficient, never scored (default 1).
   */
  min_assessors?: number;
  /**
   * Weight multipliers that count for ranking only, never for thresholds (Horizon Europe
   * innovation actions: Impact x 1.5). The ranking score re-scores the included assessments
   * (uncalibrated) or the combined criteria under the re-weighted rubric, on the total's
   * scale; a consensus on the total is ranked as agreed.
   */
  ranking_weights?: RankingWeight[];
  /**
   * Totals of a reference pool (e.g. the two previous rounds) for percentile ranks; empty:
   * percentiles against this panel.
   */
  reference_pool?: Decimal[];
  /**
   * Whether an assessment that cannot be scored stops the review with its error (`true`), or
   * is excluded from its subject with the error as the reason (`false`, the default), so
   * that one bad sheet does not hold up a whole call.
   */
  strict?: boolean;
  /**
   * The combined total a subject must reach (at least as good as) to be selected.
   */
  threshold?: Decimal | null;
  /**
   * How subjects with equal ranking scores are ordered, in turn; a tie the chain cannot
   * break is reported as a tie.
   */
  tie_break?: TieBreak[];
}
/**
 * Per-assessor calibration: an assessor who scored at least `min_subjects` subjects has each
 * total replaced by `panel mean + z · panel sd`, with `z` the total's z-score among that
 * assessor's totals.
 */
export interface Calibration {
  /**
   * The fewest subjects an assessor must have scored to be calibrated (at least 2).
   */
  min_subjects: number;
}
/**
 * A weight multiplier used for ranking only.
 */
export interface RankingWeight {
  criterion: Id;
  factor: NonNegativeDecimal;
}
/**
 * How published scores are rounded: decimal places and mode.
 *
 * Scores are computed exactly (up to 28 significant digits) and rounded once, where they are
 * published. A published score always prints with exactly `dp` decimal places, so two machines
 * print the same text: with `dp = 2`, 7.5 prints as `7.50`.
 */
export interface Rounding {
  /**
   * Decimal places of published scores, from 0 to 10.
   */
  dp: number;
  mode?: RoundingMode;
}
/**
 * The range the total is reported on; 0..100, higher is better, by default.
 *
 * The weighted normalised score `N` in `[0, 1]` maps to `total = min + (max - min) · N`, or,
 * where lower is better (NIH's 10 = exceptional .. 90 = poor), to
 * `total = min + (max - min) · (1 - N)`.
 */
export interface TotalScale {
  direction?: Direction;
  max: ScaleEnd;
  min: ScaleEnd;
}
/**
 * How the weights of one group's criteria (or of the top-level criteria) were derived.
 *
 * A rubric that loads has weights that are exactly the largest-remainder rounding of
 * `derived` to `places`: each weight rounded down, the units left over given to the largest
 * remainders (the earlier criterion among equal ones), so they add up to exactly 1. Where the
 * inputs allow (direct, equal, rank-based and AHP weights), loading also derives the weights
 * again from `inputs` and checks them against `derived` to 1e-9.
 * See [`Rubric::with_weights`] for an example.
 */
export interface WeightDerivation {
  /**
   * For AHP: the consistency ratio, on the table of [`WeightDerivation::random_index`].
   */
  consistency_ratio?: NonNegativeDecimal | null;
  /**
   * The criteria, in the order of `derived` and of the inputs: every criterion of the group,
   * each once.
   *
   * @minItems 1
   */
  criteria: [string, ...string[]];
  /**
   * The weights as derived, before rounding (each `>= 0`, together 1 to 1e-9).
   */
  derived: NonNegativeDecimal[];
  /**
   * The group whose criteria carry the weights; absent for the top-level criteria.
   */
  group?: Id | null;
  inputs: WeightInputs;
  method: WeightsMethod;
  /**
   * Who derived them, when, from what.
   */
  note?: string;
  /**
   * The decimal places the weights were rounded to (at most 10).
   */
  places: number;
  random_index?: RandomIndex;
}
/**
 * One assessor's assessment of one subject.
 *
 * Loading with [`Assessment::from_json`](crate::Document::from_json) checks what the document says on its own (format,
 * ids, no criterion answered twice); [`Rubric::score`](crate::Rubric::score) checks it against
 * its rubric (ids, versions, answer types and ranges, required answers).
 */
export interface Assessment {
  /**
   * One answer per criterion.
   */
  answers: Answer[];
  assessor: Assessor;
  conflict_of_interest: ConflictOfInterest;
  /**
   * Version of the document format; 1.
   */
  format_version?: 1;
  kind: RubricKind;
  lessons?: Lessons;
  rubric: RubricRef;
  subject: Subject;
}
/**
 * The answer to one criterion.
 *
 * Where the criterion takes its answer from an outcome record
 * ([`Rubric::apply_evidence`](crate::Rubric::apply_evidence)), `derivation` says how the value
 * was computed; an assessor who answers otherwise gives an `override_reason`.
 */
export interface Answer {
  /**
   * The assessor's comment or justification; kept in the scorecard.
   */
  comment?: string | null;
  criterion: Id;
  /**
   * How the value was computed from an outcome record, where it was.
   */
  derivation?: Derivation | null;
  /**
   * Why the assessor's value replaces the computed one: required when an answer to a
   * computed criterion differs from what the record yields.
   */
  override_reason?: string | null;
  value: AnswerValue;
}
/**
 * How an answer was computed from an outcome record: the indicator, the value it gave, and
 * the figures it used.
 */
export interface Derivation {
  /**
   * How it was computed, from which figures, e.g. "3 of 4 planned deliverables delivered".
   */
  basis: string;
  computed: AnswerValue;
  from: Indicator;
}
/**
 * Counts per category: category ids as keys, whole counts as values.
 */
export interface Distribution {
  [k: string]: Count;
}
/**
 * The person who filled in an assessment.
 */
export interface Assessor {
  id: Id;
  /**
   * Display name, where it may be shown.
   */
  name?: string | null;
  region: Region;
  role: Role;
  stakeholder_group: StakeholderGroup;
}
/**
 * A conflict-of-interest declaration.
 */
export interface ConflictOfInterest {
  /**
   * Whether the assessor declares a conflict of interest with the subject.
   */
  declared: boolean;
  /**
   * The nature of the conflict, where one is declared.
   */
  statement?: string | null;
}
/**
 * Answers to the three standing BPF questions; kept and returned, never scored.
 */
export interface Lessons {
  /**
   * With hindsight, what would you have done differently.
   */
  do_differently?: string | null;
  /**
   * What worked less well.
   */
  worked_less_well?: string | null;
  /**
   * What worked well.
   */
  worked_well?: string | null;
}
/**
 * Names a rubric by id and version.
 */
export interface RubricRef {
  id: Id;
  /**
   * The rubric's version.
   */
  version: string;
}
/**
 * The proposal or BPF assessed.
 */
export interface Subject {
  id: Id;
  /**
   * Title of the proposal or BPF.
   */
  title: string;
  /**
   * The IGF year the subject belongs to.
   */
  year: number;
}
/**
 * The assessments of several subjects under one rubric, reviewed together.
 *
 * Load with [`Panel::from_json`] and review with [`Rubric::review`](crate::Rubric::review).
 */
export interface Panel {
  /**
   * The individual assessments, one per assessor and subject.
   */
  assessments: Assessment[];
  /**
   * Scores the panel agreed after discussion; each overrides the computed one.
   */
  consensus?: Consensus[];
  /**
   * What the panel reviews, and where its data come from.
   */
  description?: string;
  /**
   * Version of the document format; 1.
   */
  format_version?: 1;
  rubric: RubricRef;
  /**
   * The panel's rules; absent: the rubric's `panel` rules, or the defaults.
   */
  rules?: PanelRules | null;
}
/**
 * A score agreed by the panel after discussion.
 */
export interface Consensus {
  /**
   * The criterion agreed, in its own units (scale value, level points, count, percentage);
   * absent: the total is agreed, on the rubric's total scale.
   */
  criterion?: Id | null;
  /**
   * Why, or what was discussed.
   */
  note?: string | null;
  recorded_by: Id;
  subject: Id;
  value: Decimal;
}
/**
 * What a front end asks the crate to evaluate.
 */
export interface EvaluationRequest {
  /**
   * The assessments, scored in this order.
   */
  assessments?: Assessment[];
  /**
   * Outcome records: each fills the computed answers of the assessments of its BPF and
   * year ([`Rubric::apply_evidence`]) before they are scored.
   */
  evidence?: OutcomeRecord[];
  options?: EvaluationOptions;
  rubric: RubricSource;
  /**
   * Version of the request format; 1.
   */
  schema_version?: 1;
}
/**
 * The evidence of one BPF and year: deliverables planned and delivered, key dates,
 * contributors, meetings, written contributions, partners and uptake, each with its source.
 *
 * An outcome rubric's criteria that declare an [`Indicator`](crate::rubric::Indicator) take their
 * answers from it ([`Rubric::apply_evidence`](crate::Rubric::apply_evidence)), and a
 * proposal's [`Commitments`](crate::evidence::Commitments) are compared with it
 * ([`Commitments::compare`](crate::evidence::Commitments::compare)).
 *
 * ```
 * use igf_rubric::Document;
 * use igf_rubric::evidence::OutcomeRecord;
 *
 * let record = OutcomeRecord::from_json(include_str!(
 *     "../../examples/data/evidence/cybersecurity-2019.json"
 * ))?;
 * assert_eq!(record.subject.year, 2019);
 * assert_eq!(record.delivered(), 3);
 * # Ok::<(), igf_rubric::Error>(())
 * ```
 */
export interface OutcomeRecord {
  contributors?: Contributors;
  dates: KeyDates;
  /**
   * Every deliverable the BPF planned, delivered or not.
   */
  deliverables?: Deliverable[];
  /**
   * Version of the document format; 1.
   */
  format_version?: 1;
  meetings_held: Count;
  /**
   * Where the figures come from, or a warning such as "illustrative figures".
   */
  note?: string | null;
  /**
   * Partner organisations that took part (expert communities, NRIs, RIRs...).
   */
  partners?: string[];
  subject: Subject;
  /**
   * Evidence that the output was taken up, each event with its source.
   */
  uptake?: UptakeEvent[];
  written_contributions: Count;
}
/**
 * Contributors counted three ways. Stakeholder groups and regions use the ids of
 * [`StakeholderGroup`] and [`Region`]; genders are the record's own categories.
 */
export interface Contributors {
  genders?: Distribution;
  /**
   * Contributors per regional group.
   */
  regions?: {
    [k: string]: Count;
  };
  /**
   * Contributors per stakeholder group.
   */
  stakeholder_groups?: {
    [k: string]: Count;
  };
}
/**
 * The dates of a BPF cycle that the metrics use.
 */
export interface KeyDates {
  annual_meeting: Date;
  /**
   * The draft output was published for comment.
   */
  draft_published?: Date | null;
  /**
   * The final output was published.
   */
  final_published?: Date | null;
  /**
   * The first open call or kick-off meeting.
   */
  kick_off?: Date | null;
}
/**
 * One deliverable a BPF planned.
 */
export interface Deliverable {
  /**
   * Whether it was delivered.
   */
  delivered: boolean;
  id: Id;
  /**
   * What it is, e.g. "Final report" or "Case-study collection".
   */
  title: string;
  /**
   * Where it is published, when delivered.
   */
  url?: string | null;
}
/**
 * One piece of evidence that a BPF output was used beyond the IGF.
 */
export interface UptakeEvent {
  /**
   * When it happened, where known.
   */
  date?: Date | null;
  /**
   * What happened.
   */
  description: string;
  level: UptakeLevel;
  /**
   * Where it is documented: a link or a citation.
   */
  source: string;
}
/**
 * How a request's assessments are combined.
 */
export interface EvaluationOptions {
  /**
   * Scores the panel agreed after discussion.
   */
  consensus?: Consensus[];
  /**
   * The reliability figures the panel report carries (default: all of them).
   */
  reliability?: ReliabilityFigure[];
  /**
   * Whether the assessments are reviewed as a panel (default `true`).
   */
  review?: boolean;
  /**
   * The panel's rules (aggregation, capacity, threshold, tie-break chain, ...); absent:
   * the rubric's own, or the defaults.
   */
  rules?: PanelRules | null;
}
/**
 * The result of scoring one assessment: the total, the band, eligibility, every gate and every
 * criterion with its answer, weights and contribution, and flags for anything left out.
 *
 * All numbers are exact decimals; each [`Score`] also carries its value rounded and padded to
 * the rubric's declared decimal places. The scorecard serialises to JSON and reads back equal.
 * Its `Display` prints a readable explanation.
 */
export interface Scorecard {
  assessor: WrittenAssessor;
  /**
   * The band of the published total.
   */
  band?: BandResult | null;
  /**
   * Whether the assessment could be scored; when false there is no total (see `flags`).
   */
  complete: boolean;
  conflict_of_interest: ConflictOfInterest;
  /**
   * The criteria tree with each criterion's result, in rubric order.
   */
  criteria: CriterionResult[];
  /**
   * Whether the subject is eligible: complete, and every gate passed.
   */
  eligible: boolean;
  /**
   * What the scoring had to do beyond the plain formula, in rubric order.
   */
  flags: Flag[];
  /**
   * Version of the document format; 1.
   */
  format_version: 1;
  /**
   * Each gate's result, in rubric order.
   */
  gates: GateResult[];
  kind: RubricKind;
  lessons?: Lessons;
  rounding: Rounding;
  rubric: WrittenRubricRef;
  scale: WrittenTotalScale;
  subject: WrittenSubject;
  /**
   * The total on the rubric's scale: `scale.min` plus the sum of the contributions.
   */
  total?: Score | null;
}
/**
 * The person who filled in an assessment.
 */
export interface WrittenAssessor {
  id: WrittenId;
  /**
   * Display name, where it may be shown.
   */
  name?: string | null;
  region: Region;
  role: Role;
  stakeholder_group: StakeholderGroup;
}
/**
 * The band a total falls in.
 */
export interface BandResult {
  /**
   * The band's id.
   */
  id: string;
  /**
   * The band's label.
   */
  label: string;
}
/**
 * How one criterion was scored.
 */
export interface CriterionResult {
  /**
   * The answer given (leaves only).
   */
  answer?: WrittenAnswerValue | null;
  /**
   * The assessor's comment (leaves only).
   */
  comment?: string | null;
  contribution: Score;
  /**
   * The children of a group.
   */
  criteria?: CriterionResult[];
  /**
   * The weight the rubric declares, relative to its siblings.
   */
  declared_weight?: WrittenDecimal | null;
  /**
   * How the answer was computed from an outcome record (leaves that declare evidence).
   */
  derivation?: WrittenDerivation | null;
  effective_weight: WrittenDecimal;
  /**
   * The criterion's id.
   */
  id: string;
  /**
   * The criterion's name.
   */
  name: string;
  /**
   * The normalised score in `[0, 1]`: a leaf's answer through its metric, a group's weighted
   * mean of its children. Absent when left out or unscored.
   */
  normalised?: WrittenDecimal | null;
  /**
   * Why the assessor replaced the computed answer, where they did.
   */
  override_reason?: string | null;
  status: CriterionStatus;
}
/**
 * A score as computed and as published.
 *
 * `exact` is the value as carried: a criterion's points and an assessment's total at 22
 * decimal places (so points add up to the total exactly), a panel's means at 20. `published`
 * is rounded once, as the rubric declares, with exactly the declared decimal places. For an
 * assessment's total it is rounded from the mathematically exact total (computed with big
 * integer fractions when the carried digits sit too close to a rounding boundary to decide), so it can
 * differ from rounding `exact` again: weights `0.5001499999999999999999999999` and
 * `0.4998500000000000000000000001` on a yes and a no give `exact` 50.015 and `published`
 * 50.01, since the exact total is 50.01499999.... Both serialise as JSON strings.
 *
 * Scores order by `exact`, then `published`.
 */
export interface Score {
  exact: WrittenDecimal;
  published: WrittenDecimal;
}
/**
 * How an answer was computed from an outcome record: the indicator, the value it gave, and
 * the figures it used.
 */
export interface WrittenDerivation {
  /**
   * How it was computed, from which figures, e.g. "3 of 4 planned deliverables delivered".
   */
  basis: string;
  computed: WrittenAnswerValue;
  from: Indicator;
}
/**
 * Something the scoring did beyond the plain formula.
 */
export interface Flag {
  /**
   * The criterion concerned, if any.
   */
  criterion?: string | null;
  kind: FlagKind;
  /**
   * A sentence for readers.
   */
  message: string;
}
/**
 * The outcome of one gate.
 */
export interface GateResult {
  /**
   * The gate's id.
   */
  id: string;
  /**
   * The gate's label.
   */
  label: string;
  /**
   * Whether the gate passed.
   */
  passed: boolean;
  /**
   * Why, with the numbers compared.
   */
  reason: string;
}
/**
 * Names a rubric by id and version.
 */
export interface WrittenRubricRef {
  id: WrittenId;
  /**
   * The rubric's version.
   */
  version: string;
}
/**
 * The range the total is reported on; 0..100, higher is better, by default.
 *
 * The weighted normalised score `N` in `[0, 1]` maps to `total = min + (max - min) · N`, or,
 * where lower is better (NIH's 10 = exceptional .. 90 = poor), to
 * `total = min + (max - min) · (1 - N)`.
 */
export interface WrittenTotalScale {
  direction?: Direction;
  max: WrittenScaleEnd;
  min: WrittenScaleEnd;
}
/**
 * The proposal or BPF assessed.
 */
export interface WrittenSubject {
  id: WrittenId;
  /**
   * Title of the proposal or BPF.
   */
  title: string;
  /**
   * The IGF year the subject belongs to.
   */
  year: number;
}
/**
 * The outcome of [`Rubric::review`](crate::Rubric::review).
 */
export interface PanelReport {
  breakdown: Breakdown;
  /**
   * Who was calibrated and who was not (empty without calibration).
   */
  calibration?: CalibrationEntry[];
  /**
   * Version of the document format; 1.
   */
  format_version: 1;
  reliability: PanelReliability;
  rounding: Rounding;
  rubric: WrittenRubricRef;
  rules: WrittenPanelRules;
  scale: WrittenTotalScale;
  /**
   * The subjects selected, in rank order.
   */
  selected: string[];
  /**
   * Every subject: ranked ones in rank order, then the others by id.
   */
  subjects: SubjectReport[];
}
/**
 * Mean totals by stakeholder group and by region.
 */
export interface Breakdown {
  /**
   * By the assessors' region.
   */
  regions: GroupMean[];
  /**
   * By the assessors' stakeholder group.
   */
  stakeholder_groups: GroupMean[];
}
/**
 * How one group of assessors scored.
 */
export interface GroupMean {
  /**
   * Number of included assessments.
   */
  assessments: number;
  /**
   * The group (stakeholder group or region id).
   */
  group: string;
  mean_difference: WrittenDecimal;
  mean_total: WrittenDecimal;
}
/**
 * Whether an assessor was calibrated.
 */
export interface CalibrationEntry {
  /**
   * The assessor's id.
   */
  assessor: string;
  /**
   * Whether the assessor's totals were calibrated.
   */
  calibrated: boolean;
  mean: WrittenDecimal;
  /**
   * Why not, where not.
   */
  reason?: string | null;
  /**
   * The assessor's sample standard deviation, where defined.
   */
  sd?: WrittenDecimal | null;
  /**
   * How many subjects the assessor validly scored.
   */
  subjects: number;
}
/**
 * Agreement among the panel's assessors.
 */
export interface PanelReliability {
  /**
   * Chance-corrected agreement on the bands, a categorical decision: Gwet's AC1, Fleiss'
   * kappa and Gwet's AC2 with ordinal weights over the bands' order, each with its standard
   * error and interval (empty without bands, or when the bands give no value; see
   * [`chance_corrected`](crate::reliability::chance_corrected)).
   */
  bands_agreement?: Agreement[];
  /**
   * Krippendorff's alpha (ordinal) of the bands the assessors' totals fall in: agreement on
   * the decision a rubric's bands stand for (absent when the rubric has no bands).
   */
  bands_alpha?: Coefficient | null;
  /**
   * Krippendorff's alpha (interval) of each scored criterion's normalised scores.
   */
  criteria_alpha: CriterionAlpha[];
  /**
   * Which assessors the ICCs leave out, or why they are absent.
   */
  icc_note?: string | null;
  totals_alpha: Coefficient;
  /**
   * The six ICCs of the totals, over the assessors who scored every scored subject.
   */
  totals_icc?: Icc[];
}
/**
 * A chance-corrected coefficient with everything a methods section reports.
 */
export interface Agreement {
  /**
   * Categories.
   */
  categories: number;
  /**
   * Chance agreement `p_e`.
   */
  chance_agreement: number;
  /**
   * Lower end of the 95% confidence interval, `value - t(0.975, df) · SE`.
   */
  ci95_lower: number;
  /**
   * Upper end of the 95% confidence interval, capped at 1.
   */
  ci95_upper: number;
  coefficient: ChanceCorrected;
  /**
   * Degrees of freedom of the t distribution: units used less one.
   */
  df: number;
  interpretation: Interpretation;
  /**
   * Its name as the literature writes it: `Gwet's AC1`, `Gwet's AC2`, `Fleiss' kappa`, ...
   */
  name: string;
  /**
   * Two-sided p-value of `value = 0`, absent when the SE is 0.
   */
  p_value?: number | null;
  /**
   * Observed (weighted) percent agreement `p_a`.
   */
  percent_agreement: number;
  /**
   * Raters.
   */
  raters: number;
  /**
   * Standard error (Gwet's linearisation; no finite-population correction).
   */
  standard_error: number;
  /**
   * `value / SE`, absent when the SE is 0.
   */
  t?: number | null;
  /**
   * Units used (rated at least once; at least twice for Krippendorff's alpha).
   */
  units: number;
  /**
   * The coefficient.
   */
  value: number;
  weighting: Weighting;
}
/**
 * A reliability coefficient, or why it has no value.
 */
export interface Coefficient {
  /**
   * Its band.
   */
  interpretation?: Interpretation | null;
  /**
   * Why there is no value.
   */
  note?: string | null;
  /**
   * The value.
   */
  value?: number | null;
}
/**
 * Alpha of one criterion.
 */
export interface CriterionAlpha {
  alpha: Coefficient;
  /**
   * The criterion's id.
   */
  criterion: string;
}
/**
 * One intraclass correlation with its test and interval.
 */
export interface Icc {
  /**
   * Lower end of the 95 % confidence interval.
   */
  ci95_lower: number;
  /**
   * Upper end of the 95 % confidence interval.
   */
  ci95_upper: number;
  /**
   * Numerator degrees of freedom.
   */
  df1: number;
  /**
   * Denominator degrees of freedom.
   */
  df2: number;
  /**
   * The F statistic testing `ICC = 0`.
   */
  f: number;
  interpretation: Interpretation;
  /**
   * McGraw and Wong's name of the same coefficient: `ICC(1)`, `ICC(A,1)`, `ICC(C,1)`,
   * `ICC(k)`, `ICC(A,k)`, `ICC(C,k)`.
   */
  mcgraw_wong: string;
  model: IccModel;
  /**
   * Shrout and Fleiss's name, with the number of raters for `k`: `ICC(1,1)`, `ICC(2,1)`,
   * `ICC(3,1)`, `ICC(1,4)`, `ICC(2,4)`, `ICC(3,4)` for four raters.
   */
  name: string;
  /**
   * The p-value of the F test.
   */
  p_value: number;
  type: IccType;
  unit: IccUnit;
  /**
   * The coefficient.
   */
  value: number;
}
/**
 * How a panel combines, checks, ranks and selects. A rubric may declare them (`panel`), and a
 * [`Panel`](crate::Panel) document may override them.
 */
export interface WrittenPanelRules {
  aggregation?: WrittenAggregation;
  basis?: Basis;
  /**
   * Per-assessor calibration of totals (z-scores mapped back to the panel's mean and spread).
   */
  calibration?: Calibration | null;
  /**
   * How many subjects can be selected (e.g. the BPFs the Secretariat can support).
   */
  capacity?: number | null;
  /**
   * Flag a criterion (or the total) when its assessors' normalised scores span more than
   * this, in `(0, 1]`: 0.5 is 2 points on a 1..5 scale.
   */
  divergence?: WrittenUnitFraction | null;
  /**
   * A subject with fewer valid assessors is marked insufficient, never scored (default 1).
   */
  min_assessors?: number;
  /**
   * Weight multipliers that count for ranking only, never for thresholds (Horizon Europe
   * innovation actions: Impact x 1.5). The ranking score re-scores the included assessments
   * (uncalibrated) or the combined criteria under the re-weighted rubric, on the total's
   * scale; a consensus on the total is ranked as agreed.
   */
  ranking_weights?: WrittenRankingWeight[];
  /**
   * Totals of a reference pool (e.g. the two previous rounds) for percentile ranks; empty:
   * percentiles against this panel.
   */
  reference_pool?: WrittenDecimal[];
  /**
   * Whether an assessment that cannot be scored stops the review with its error (`true`), or
   * is excluded from its subject with the error as the reason (`false`, the default), so
   * that one bad sheet does not hold up a whole call.
   */
  strict?: boolean;
  /**
   * The combined total a subject must reach (at least as good as) to be selected.
   */
  threshold?: WrittenDecimal | null;
  /**
   * How subjects with equal ranking scores are ordered, in turn; a tie the chain cannot
   * break is reported as a tie.
   */
  tie_break?: WrittenTieBreak[];
}
/**
 * A weight multiplier used for ranking only.
 */
export interface WrittenRankingWeight {
  criterion: WrittenId;
  factor: WrittenNonNegativeDecimal;
}
/**
 * One subject's review.
 */
export interface SubjectReport {
  /**
   * Every assessor of the subject, included or not, with the reason.
   */
  assessors: AssessorEntry[];
  /**
   * The band of the total.
   */
  band?: BandResult | null;
  /**
   * The combined total as computed, before any consensus.
   */
  computed_total?: Score | null;
  /**
   * Consensus scores recorded for this subject, with the computed values they replaced.
   */
  consensus?: ConsensusRecord[];
  /**
   * Each criterion combined across the included assessors, in rubric order.
   */
  criteria: CriterionAggregate[];
  decision: Decision;
  /**
   * Whether the totals diverge by more than the rules allow.
   */
  divergent: boolean;
  /**
   * Scored and every gate passed.
   */
  eligible: boolean;
  /**
   * The rubric's gates applied to the combined scores.
   */
  gates: GateResult[];
  /**
   * NIH-style percentile: `ceil(100 · (rank - 0.5) / N)`, 1..99, lower is better.
   */
  percentile?: number | null;
  /**
   * Competition rank among eligible subjects (ties share the best rank of their group).
   */
  rank?: number | null;
  /**
   * The score ranked on: the total, or the total under ranking-only weights. Subjects are
   * ranked on its published value, so two subjects shown with the same score tie.
   */
  ranking_score?: Score | null;
  /**
   * Spread of the included assessors' totals.
   */
  spread?: Spread | null;
  status: SubjectStatus;
  subject: WrittenSubject;
  /**
   * How many other subjects tie with this one after the whole tie-break chain (0: none);
   * they share its rank. A count, not a list, so that a report grows with the panel and
   * not with the square of a tie.
   */
  tied?: Count | null;
  /**
   * The total that counts: the consensus where one was recorded, otherwise the computed one.
   */
  total?: Score | null;
}
/**
 * One assessor of one subject.
 */
export interface AssessorEntry {
  /**
   * The total after calibration, where the assessor was calibrated.
   */
  calibrated_total?: WrittenDecimal | null;
  /**
   * The assessor's comments on criteria, in rubric order, for the consensus discussion.
   */
  comments?: CriterionComment[];
  /**
   * Why it does not count (conflict of interest, incomplete).
   */
  excluded_because?: string | null;
  /**
   * The assessor's id.
   */
  id: string;
  /**
   * Whether the assessment counts for this subject.
   */
  included: boolean;
  lessons?: Lessons;
  region: Region;
  role: Role;
  stakeholder_group: StakeholderGroup;
  /**
   * The assessor's own total.
   */
  total?: Score | null;
}
/**
 * An assessor's comment on one criterion.
 */
export interface CriterionComment {
  /**
   * The comment.
   */
  comment: string;
  /**
   * The criterion's id.
   */
  criterion: string;
}
/**
 * A consensus score and the computed value it replaced.
 */
export interface ConsensusRecord {
  agreed: WrittenDecimal;
  /**
   * The computed value (criterion: combined raw value; total: combined total).
   */
  computed?: WrittenDecimal | null;
  /**
   * The criterion agreed; absent for the total.
   */
  criterion?: string | null;
  /**
   * The note recorded with it.
   */
  note?: string | null;
  /**
   * Who recorded it.
   */
  recorded_by: string;
}
/**
 * One criterion combined across a subject's included assessors.
 */
export interface CriterionAggregate {
  /**
   * Whether the assessors differ by more than the rules allow: discuss it.
   */
  divergent: boolean;
  /**
   * The criterion's id.
   */
  id: string;
  /**
   * Number of assessors who scored it.
   */
  n: number;
  /**
   * The combined normalised score in `[0, 1]` (after any consensus).
   */
  normalised?: WrittenDecimal | null;
  /**
   * The combined raw answer in the criterion's own units (leaves only; after any consensus).
   */
  raw?: WrittenDecimal | null;
  /**
   * Spread of the normalised scores.
   */
  spread?: Spread | null;
}
/**
 * How far apart the values of one subject (or criterion) are.
 */
export interface Spread {
  iqr: WrittenDecimal;
  max: WrittenDecimal;
  min: WrittenDecimal;
  /**
   * Number of values.
   */
  n: number;
  range: WrittenDecimal;
  /**
   * Sample standard deviation (divisor `n - 1`); absent for a single value. A square root:
   * computed by rust_decimal's Newton iteration to 28 significant digits, the same on every
   * machine.
   */
  sd?: WrittenDecimal | null;
}
/**
 * Selected or not, and why.
 */
export interface Decision {
  /**
   * The rule and the numbers, in a sentence.
   */
  explanation: string;
  reason: DecisionReason;
  /**
   * Whether the subject is selected.
   */
  selected: boolean;
}
/**
 * What an evaluation returns.
 */
export interface EvaluationResult {
  /**
   * The panel report (absent when no review was asked for or there was nothing to review).
   */
  panel?: PanelReport | null;
  rubric: WrittenRubricRef;
  /**
   * Version of the result format; 1.
   */
  schema_version: 1;
  /**
   * One scorecard per assessment, in request order.
   */
  scorecards: Scorecard[];
  /**
   * What a reader should know that is not an error: assessments without a total, subjects
   * with too few assessors.
   */
  warnings?: Warning[];
}
/**
 * Something a reader of a result should know.
 */
export interface Warning {
  /**
   * A stable code: `incomplete` (an assessment has no total), `insufficient` (a subject
   * has too few valid assessors to be scored) or `unused_evidence` (an outcome record no
   * assessment is about).
   */
  code: string;
  /**
   * What happened, in words.
   */
  message: string;
  /**
   * Where, as people read it: `assessments[2](bpf-ipv6-2016)`.
   */
  path: string;
  /**
   * Where, as a JSON Pointer into the request.
   */
  pointer: string;
}
/**
 * The JSON error document: every error found, each placed.
 *
 * ```
 * use igf_rubric::{Document, ErrorDocument, Rubric};
 *
 * let err = Rubric::from_json("{").unwrap_err();
 * let doc = ErrorDocument::from(&err);
 * assert_eq!(doc.errors[0].code, "syntax");
 * let json = doc.to_json()?;
 * assert_eq!(ErrorDocument::from_json(&json)?, doc);
 * # Ok::<(), igf_rubric::Error>(())
 * ```
 */
export interface ErrorDocument {
  /**
   * The errors, in document order where they have one: at most [`MAX_LISTED_ERRORS`].
   */
  errors: ErrorDetail[];
  /**
   * Version of the error document format; 1.
   */
  format_version: 1;
  /**
   * How many more errors were found than are listed (0: all are listed).
   */
  omitted?: Count | null;
}
/**
 * One error as data, for a front end to place beside its field.
 *
 * ```
 * use igf_rubric::Document;
 * use igf_rubric::Rubric;
 *
 * let err = Rubric::from_json(r#"{
 *   "id": "demo", "version": "1", "title": "Demo", "kind": "proposal",
 *   "criteria": [ { "id": "fit", "name": "Fit", "weight": 1,
 *                   "metric": { "type": "scale", "min": 1, "max": 5, "step": 3 } } ]
 * }"#).unwrap_err();
 * let detail = err.detail();
 * assert_eq!(detail.code, "bad_step");
 * assert_eq!(detail.pointer, "/criteria/0/metric/step");
 * assert_eq!(detail.criterion.as_deref(), Some("fit"));
 * assert_eq!(detail.found.as_deref(), Some("3"));
 * assert_eq!(detail.message, "step 3 must be positive and divide the range 1..5");
 * ```
 */
export interface ErrorDetail {
  /**
   * The values allowed: each name allowed for an unknown name (`["african",
   * "asia_pacific", ...]`), or one entry in words for a range or a rule (`["[0, 100]"]`,
   * `["1, 2, 3, ..."]`); empty when the error allows no particular value.
   */
  allowed?: string[];
  /**
   * A stable machine code, e.g. `out_of_range` ([`Error::code`] lists them).
   */
  code: string;
  /**
   * The criterion concerned, where there is one.
   */
  criterion?: string | null;
  /**
   * The value found, as text (shortened to 80 characters, control characters escaped).
   */
  found?: string | null;
  /**
   * What is wrong, in words, without the place.
   */
  message: string;
  /**
   * The place as people read it, with item ids: `criteria[0](fit).weight`; `$` for the
   * document itself; empty when the error concerns no place in a document.
   */
  path: string;
  /**
   * The place as a JSON Pointer (RFC 6901): `/criteria/0/weight`; empty for the document.
   */
  pointer: string;
  /**
   * Valid ids near a mistyped one, closest first.
   */
  suggestions?: string[];
}
/**
 * What a proposal promised: targets on indicators of the outcome record to come.
 *
 * ```
 * use igf_rubric::{Document, evidence::{Commitments, OutcomeRecord}};
 *
 * let promised = Commitments::from_json(include_str!(
 *     "../../examples/data/commitments/cybersecurity-2019.json"
 * ))?;
 * let record = OutcomeRecord::from_json(include_str!(
 *     "../../examples/data/evidence/cybersecurity-2019.json"
 * ))?;
 * let results = promised.compare(&record)?;
 * let lead = &results.rows[1];
 * assert_eq!(lead.label, "Days the draft preceded the annual meeting");
 * assert_eq!(lead.target.to_string(), "42");
 * assert_eq!(lead.achieved.map(|a| a.to_string()).as_deref(), Some("48"));
 * assert_eq!(lead.gap.map(|g| g.to_string()).as_deref(), Some("6"));
 * # Ok::<(), igf_rubric::Error>(())
 * ```
 */
export interface Commitments {
  /**
   * Version of the document format; 1.
   */
  format_version?: 1;
  subject: Subject;
  /**
   * The targets, in the order the proposal states them.
   *
   * @minItems 1
   */
  targets: [Target, ...Target[]];
}
/**
 * One promise: a target on an indicator, with the baseline the proposal started from.
 */
export interface Target {
  /**
   * Where things stood when the proposal was written, where it says.
   */
  baseline?: NonNegativeDecimal | null;
  measure: Indicator;
  /**
   * The proposal's words for the promise.
   */
  note?: string | null;
  target: NonNegativeDecimal;
}
/**
 * The proposal's targets beside the outcome: one row per target.
 */
export interface ResultsFramework {
  /**
   * Version of the document format; 1.
   */
  format_version: 1;
  /**
   * Rows the record could measure (the others lack the data, e.g. no draft date).
   */
  measured: number;
  /**
   * Rows whose target was met.
   */
  met: number;
  /**
   * One row per target, in the proposal's order.
   */
  rows: IndicatorResult[];
  subject: WrittenSubject;
}
/**
 * One indicator: baseline, target, achieved and the gap.
 */
export interface IndicatorResult {
  /**
   * What the record shows; absent when it lacks the data.
   */
  achieved?: WrittenDecimal | null;
  /**
   * Where things stood, as the proposal says.
   */
  baseline?: WrittenDecimal | null;
  /**
   * How the achieved value was computed.
   */
  basis: string;
  /**
   * Achieved minus target: negative falls short.
   */
  gap?: WrittenDecimal | null;
  /**
   * Its name for people.
   */
  label: string;
  measure: Indicator;
  /**
   * Whether the target was met; absent when the record lacks the data.
   */
  met?: boolean | null;
  /**
   * The proposal's words for the promise.
   */
  note?: string | null;
  target: WrittenDecimal;
}
/**
 * The input of a "BPF on BPFs" exercise: a code book of themes and every answer received.
 */
export interface Consultation {
  /**
   * The themes answers are tagged with.
   */
  code_book: Theme[];
  /**
   * Version of the document format; 1.
   */
  format_version?: 1;
  /**
   * Every answer received, in the order received.
   */
  responses: Response[];
  /**
   * What was asked, and of whom.
   */
  title: string;
}
/**
 * A theme of the code book.
 */
export interface Theme {
  /**
   * What answers under it are about.
   */
  description?: string;
  id: Id;
  /**
   * The theme's name for people.
   */
  label: string;
}
/**
 * One answer to one of the three questions.
 */
export interface Response {
  bpf: Subject;
  id: Id;
  question: Question;
  respondent: Respondent;
  /**
   * The answer, as given.
   */
  text: string;
  themes?: UniqueIds;
}
/**
 * Who gave an answer.
 */
export interface Respondent {
  id: Id;
  /**
   * Their regional group, where known.
   */
  region?: Region | null;
  role: Role;
  stakeholder_group: StakeholderGroup;
}
/**
 * What the answers say, theme by theme.
 */
export interface LessonsSummary {
  /**
   * BPFs (id and year) the answers are about.
   */
  bpfs: number;
  /**
   * Version of the document format; 1.
   */
  format_version: 1;
  /**
   * People who answered.
   */
  respondents: number;
  /**
   * Answers received.
   */
  responses: number;
  /**
   * Every theme of the code book, ranked: most BPFs raising it first, then most answers,
   * then code-book order; equal on both shares a rank.
   */
  themes: ThemeSummary[];
  /**
   * The consultation's title.
   */
  title: string;
  /**
   * The answers not yet tagged with any theme, in the order received.
   */
  untagged: Quote[];
}
/**
 * One theme across all answers.
 */
export interface ThemeSummary {
  /**
   * The BPFs (`id`) raising it, sorted.
   */
  bpfs: string[];
  /**
   * Answers raising it, by BPF (sorted by year, then id).
   */
  by_bpf: BpfCount[];
  by_question: QuestionCounts;
  /**
   * Answers raising it, by the respondent's role (roles with none left out).
   */
  by_role: RoleCount[];
  /**
   * Answers raising it, by the year of the BPF.
   */
  by_year: YearCount[];
  /**
   * The theme's label.
   */
  label: string;
  /**
   * Every answer raising it, in the order received.
   */
  quotes: Quote[];
  /**
   * Its rank, from 1 (competition ranking: ties share the better rank).
   */
  rank: number;
  /**
   * The theme's id.
   */
  theme: string;
}
/**
 * Answers about one BPF.
 */
export interface BpfCount {
  /**
   * The BPF's id.
   */
  bpf: string;
  counts: QuestionCounts;
  /**
   * The BPF's title.
   */
  title: string;
  /**
   * The BPF's year.
   */
  year: number;
}
/**
 * Answers counted by question.
 */
export interface QuestionCounts {
  /**
   * Raised as what to do differently.
   */
  do_differently: number;
  /**
   * Raised as what worked less well.
   */
  worked_less_well: number;
  /**
   * Raised as what worked well.
   */
  worked_well: number;
}
/**
 * Answers from one role.
 */
export interface RoleCount {
  counts: QuestionCounts;
  role: Role;
}
/**
 * Answers about BPFs of one year.
 */
export interface YearCount {
  counts: QuestionCounts;
  /**
   * The year.
   */
  year: number;
}
/**
 * An answer as quoted (under a theme, or as not yet coded), with what it takes to find it
 * again.
 */
export interface Quote {
  /**
   * The BPF's id.
   */
  bpf: string;
  question: Question;
  /**
   * The answer's id in the consultation.
   */
  response: string;
  role: Role;
  /**
   * The answer, in full.
   */
  text: string;
  /**
   * The BPF's title.
   */
  title: string;
  /**
   * The BPF's year.
   */
  year: number;
}
/**
 * A panel reviewed under an older and a newer version of its rubric, side by side.
 */
export interface Rescoring {
  after: PanelReport;
  before: PanelReport;
  /**
   * Agreed totals recorded under the older version: they do not carry over, since the
   * scale they were agreed on changed meaning.
   */
  consensus_set_aside: WrittenConsensus[];
  diff: RubricDiff;
  /**
   * Version of the document format; 1.
   */
  format_version: 1;
  /**
   * Assessments that lost answers or lack answers under the newer version (the others
   * carried over whole).
   */
  migrations: MigrationNote[];
  /**
   * Each subject's rank and total before and after, with what moved it.
   */
  moves: RankMove[];
}
/**
 * A score agreed by the panel after discussion.
 */
export interface WrittenConsensus {
  /**
   * The criterion agreed, in its own units (scale value, level points, count, percentage);
   * absent: the total is agreed, on the rubric's total scale.
   */
  criterion?: WrittenId | null;
  /**
   * Why, or what was discussed.
   */
  note?: string | null;
  recorded_by: WrittenId;
  subject: WrittenId;
  value: WrittenDecimal;
}
/**
 * The changes from one version of a rubric to another.
 *
 * ```
 * use igf_rubric::{Rubric, presets, revision::ChangeKind};
 *
 * let old = presets::bpf_proposal();
 * let mut doc = old.doc().clone();
 * doc.version = "1.1.0".into();
 * doc.criteria[5].weight = Some(25.into()); // P5, breadth: 15 -> 25
 * let new = Rubric::try_from(doc)?;
 * let diff = old.diff(&new)?;
 * assert_eq!(diff.changes.len(), 1);
 * assert_eq!(diff.changes[0].kind, ChangeKind::Reweighted);
 * assert_eq!(diff.changes[0].detail, "weight 15 -> 25; share of the total 15 % -> 22.7273 %");
 * # Ok::<(), igf_rubric::Error>(())
 * ```
 */
export interface RubricDiff {
  /**
   * Each change to a criterion, in the newer rubric's order, removed criteria last.
   */
  changes: CriterionChange[];
  from: WrittenRubricRef;
  /**
   * Changes to gates, bands, the total scale, rounding or the unable-to-assess policy, in
   * words.
   */
  rules: string[];
  to: WrittenRubricRef;
}
/**
 * One change to one criterion.
 */
export interface CriterionChange {
  /**
   * The criterion's id.
   */
  criterion: string;
  /**
   * The change in words, with both values.
   */
  detail: string;
  kind: ChangeKind;
  /**
   * Its name (the newer one where it has one).
   */
  name: string;
  /**
   * Its share of the whole total after, where it is in the newer rubric.
   */
  share_after?: WrittenDecimal | null;
  /**
   * Its share of the whole total before, where it was in the older rubric.
   */
  share_before?: WrittenDecimal | null;
}
/**
 * What one assessment lost or lacks under the newer version.
 */
export interface MigrationNote {
  /**
   * The assessor.
   */
  assessor: string;
  /**
   * Answers that do not carry over, with the reasons.
   */
  set_aside: SetAside[];
  /**
   * The subject.
   */
  subject: string;
  /**
   * Leaves of the newer version left unanswered.
   */
  unanswered: string[];
}
/**
 * An answer left behind by a migration.
 */
export interface SetAside {
  answer: WrittenAnswer;
  /**
   * Why it does not carry over.
   */
  reason: string;
}
/**
 * The answer to one criterion.
 *
 * Where the criterion takes its answer from an outcome record
 * ([`Rubric::apply_evidence`](crate::Rubric::apply_evidence)), `derivation` says how the value
 * was computed; an assessor who answers otherwise gives an `override_reason`.
 */
export interface WrittenAnswer {
  /**
   * The assessor's comment or justification; kept in the scorecard.
   */
  comment?: string | null;
  criterion: WrittenId;
  /**
   * How the value was computed from an outcome record, where it was.
   */
  derivation?: WrittenDerivation | null;
  /**
   * Why the assessor's value replaces the computed one: required when an answer to a
   * computed criterion differs from what the record yields.
   */
  override_reason?: string | null;
  value: WrittenAnswerValue;
}
/**
 * One subject before and after.
 */
export interface RankMove {
  /**
   * The criteria whose points for this subject changed, largest change first.
   */
  drivers: Driver[];
  /**
   * Rank under the newer version.
   */
  rank_after?: number | null;
  /**
   * Rank under the older version (none: not ranked).
   */
  rank_before?: number | null;
  /**
   * Selected under the newer version.
   */
  selected_after: boolean;
  /**
   * Selected under the older version.
   */
  selected_before: boolean;
  /**
   * The subject's id.
   */
  subject: string;
  /**
   * The subject's title.
   */
  title: string;
  /**
   * Total under the newer version.
   */
  total_after?: Score | null;
  /**
   * Total under the older version.
   */
  total_before?: Score | null;
}
/**
 * How one criterion's points for a subject changed: its share of the total times the panel's
 * combined normalised score on it, times the range of the total.
 */
export interface Driver {
  change: WrittenDecimal;
  /**
   * The criterion's id.
   */
  criterion: string;
  points_after: WrittenDecimal;
  points_before: WrittenDecimal;
}
/**
 * The text of a report that takes feedback: sections, findings and recommendations, each
 * with an id feedback can point to.
 */
export interface ReportText {
  /**
   * The date of this text, where given.
   */
  date?: Date | null;
  /**
   * What the evidence shows.
   */
  findings?: Finding[];
  /**
   * Version of the document format; 1.
   */
  format_version?: 1;
  /**
   * What the report recommends, each resting on findings.
   */
  recommendations?: Recommendation[];
  /**
   * Sections of prose, in reading order.
   */
  sections?: Section[];
  stage: Stage;
  /**
   * The report's title.
   */
  title: string;
}
/**
 * A finding.
 */
export interface Finding {
  id: Id;
  /**
   * What was found.
   */
  text: string;
  /**
   * Themes of the consultation the finding rests on.
   */
  themes?: string[];
}
/**
 * A recommendation.
 */
export interface Recommendation {
  /**
   * Ids of the findings it rests on.
   */
  findings?: string[];
  id: Id;
  /**
   * What is recommended.
   */
  text: string;
}
/**
 * A section of prose.
 */
export interface Section {
  id: Id;
  /**
   * The prose (Markdown).
   */
  text: string;
  /**
   * Heading.
   */
  title: string;
}
/**
 * The feedback received on a draft in one round, each item with its disposition.
 */
export interface FeedbackRound {
  /**
   * The day the round closed, `YYYY-MM-DD`: the final text that applies it is dated by it
   * (absent: the final text carries no date).
   */
  closed?: Date | null;
  /**
   * Version of the document format; 1.
   */
  format_version?: 1;
  id: Id;
  /**
   * Every item received, in the order received.
   */
  items: FeedbackItem[];
  /**
   * What the round was, e.g. "MAG and public comment on the draft, June-August 2020".
   */
  title: string;
}
/**
 * One piece of feedback.
 */
export interface FeedbackItem {
  author: FeedbackAuthor;
  disposition: Disposition;
  id: Id;
  on: FeedbackTarget;
  /**
   * Why it was accepted only in part, or not at all (required then).
   */
  reason?: string | null;
  /**
   * The new text of the finding, recommendation or section, where the item changes it
   * (accepted or partly accepted items only).
   */
  revision?: string | null;
  /**
   * The feedback, as received.
   */
  text: string;
}
/**
 * Who sent a feedback item.
 */
export interface FeedbackAuthor {
  id: Id;
  /**
   * Name, where it may be shown.
   */
  name?: string | null;
  /**
   * Their role (a MAG member, a coordinator...), where known.
   */
  role?: Role | null;
  stakeholder_group: StakeholderGroup;
}
/**
 * A ranking by one method: scores, ranks and the values it went through.
 */
export interface Ranking {
  details: RankingDetails;
  /**
   * Version of the document format; 1.
   */
  format_version: 1;
  /**
   * Whether a higher score ranks better (false for VIKOR's Q).
   */
  higher_is_better: boolean;
  /**
   * The method, e.g. `TOPSIS (min-max)`.
   */
  method: string;
  /**
   * Ranks from 1, ties sharing the better rank (1, 2, 2, 4).
   */
  ranks: number[];
  /**
   * One score per subject, in the matrix's order.
   */
  scores: number[];
}
/**
 * Weights that sum to 1, with how they were derived.
 */
export interface Weights {
  /**
   * For AHP: the comparisons not made, with the values that completed them.
   */
  completed?: Completion[];
  /**
   * For AHP: the consistency of the comparisons.
   */
  consistency?: Consistency | null;
  /**
   * Version of the document format; 1.
   */
  format_version: 1;
  method: WeightsMethod;
  /**
   * One weight per criterion, each `>= 0`, summing to 1.
   */
  values: number[];
}
/**
 * A comparison AHP completed: the value that makes the completed matrix most consistent
 * (Bozóki, Fülöp and Rónyai 2010).
 */
export interface Completion {
  /**
   * The column's criterion, from 1.
   */
  column: number;
  /**
   * The row's criterion, from 1.
   */
  row: number;
  /**
   * The value completed.
   */
  value: number;
}
/**
 * The consistency of an AHP comparison matrix (Saaty 1980).
 */
export interface Consistency {
  /**
   * Whether `CR <= 0.10`, Saaty's limit.
   */
  acceptable: boolean;
  /**
   * Consistency index `(λ_max - n) / (n - 1)`.
   */
  index: number;
  /**
   * The principal eigenvalue `λ_max` (from `A w ./ w`, averaged).
   */
  lambda_max: number;
  /**
   * The random index for `n` criteria, from [`Consistency::random_index_table`].
   */
  random_index: number;
  random_index_table?: RandomIndex;
  /**
   * Consistency ratio `CI / RI` (0 for `n <= 2`, which are always consistent).
   */
  ratio: number;
  /**
   * The verdict in words.
   */
  verdict: string;
}
/**
 * Rank acceptability indices (as in SMAA): for each subject, the share of sampled weight
 * vectors that put it at each rank, and that select it.
 */
export interface RankAcceptability {
  /**
   * Version of the document format; 1.
   */
  format_version: 1;
  /**
   * The selection size.
   */
  k: number;
  /**
   * `rank_probability[i][r]`: the share of samples ranking subject `i` at rank `r + 1`.
   */
  rank_probability: number[][];
  /**
   * Samples drawn.
   */
  samples: number;
  sampling: Sampling;
  /**
   * The seed.
   */
  seed: number;
  /**
   * The share of samples selecting each subject (rank `<= k`).
   */
  selected_probability: number[];
  /**
   * The subjects, in the matrix's order.
   */
  subjects: string[];
}
/**
 * The global priorities of alternatives, with everything that went into them.
 */
export interface AlternativePriorities {
  criteria: Weights;
  /**
   * Version of the document format; 1.
   */
  format_version: 1;
  /**
   * The alternatives' global priorities, summing to 1.
   */
  global: number[];
  /**
   * Under each criterion, in the criteria's order, the alternatives' local priorities with
   * their consistency.
   */
  local: Weights[];
  /**
   * Ranks from 1 by global priority, ties sharing the better rank.
   */
  ranks: Count[];
  synthesis: Synthesis;
}
