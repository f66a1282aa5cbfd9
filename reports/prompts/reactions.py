"""Prompts about what moves customers, over the trailing window (one week is too thin)."""

from ledger.queries import BAND_5_LIMIT_CENTS, BAND_5_TO_15, BAND_FREE, BAND_OVER_15, BAND_UP_TO_5
from reports.i18n import Lang
from reports.model import TEAM_SESSION, Group, Prompt, Stat, WeeklyReport
from reports.prompts.base import build, fact, mean_fact
from reports.prompts.registry import rule
from reports.prompts.texts import PAIR_DETAIL
from reports.stats import mean_difference_z, pool

# cost_vs_reaction: free/small gestures (≤ €5) against pricier ones (> €5). The wording follows the means
# it shows: "cheaper landed better", "about the same" or "pricier landed better".
COST_MIN_N_PER_SIDE = 8  # entries needed on each side before comparing
COST_SAME_WITHIN = 0.25  # means at most this far apart (1–5 scale) read as "about the same"
COST_CLEAR_GAIN = 0.5  # "pricier landed better" needs pricier ones at least this much warmer...
COST_MIN_Z = 2.0  # ...and a difference that stands out from chance (in between: nothing honest to say)

# what_moves: the warmest kind × trigger pairs, told together as one prompt.
MOVES_MIN_N = 5
MOVES_MARGIN = 0.3  # shrunk mean at least this far above the team mean (shrinking keeps small groups honest)
MOVES_MAX_PAIRS = 3
# Complaints and waiting: when they drive many gestures, ask which basic could be fixed (Dixon et al. 2010).
BASIC_TRIGGERS = ("complaint", "waiting")
BASICS_MIN_SHARE = 0.4
BASICS_MIN_N = 20

# falls_flat: a pair that repeatedly gets no visible reaction.
FLAT_MIN_N = 4
FLAT_MIN_SHARE = 0.5  # at least half got no visible reaction (or a negative one)
FLAT_MARGIN = 0.4  # and its shrunk mean is this far below the team mean
FLAT_MAX_PROMPTS = 2


def _side(report: WeeklyReport, bands: tuple[str, ...]) -> list[Group]:
    return [g for g in report.by_band if g.code in bands]


def cost_variant(cheap: Stat, pricey: Stat) -> str | None:
    """Which sentence the two means support: "cheap", "same", "pricey", or None (nothing honest to say)."""
    gain = pricey.mean - cheap.mean
    if abs(gain) <= COST_SAME_WITHIN:
        return "same"
    if gain < 0:
        return "cheap"
    if gain >= COST_CLEAR_GAIN and mean_difference_z(cheap, pricey) >= COST_MIN_Z:
        return "pricey"
    return None


@rule("cost_vs_reaction")
def cost_vs_reaction(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """Do pricier gestures move customers more here? Tests the giver's bias (Flynn & Adams 2009)."""
    cheap_groups = _side(report, (BAND_FREE, BAND_UP_TO_5))
    pricey_groups = _side(report, (BAND_5_TO_15, BAND_OVER_15))
    cheap, pricey = pool([g.stat for g in cheap_groups]), pool([g.stat for g in pricey_groups])
    if cheap.n < COST_MIN_N_PER_SIDE or pricey.n < COST_MIN_N_PER_SIDE:
        return []
    variant = cost_variant(cheap, pricey)
    if variant is None:
        return []
    evidence = [i for g in (pricey_groups if variant == "pricey" else cheap_groups) for i in g.warm_ids]
    params = {"limit": lang.money(BAND_5_LIMIT_CENTS), "weeks": report.window_weeks,
              "cheap_mean": lang.num(cheap.mean), "cheap_n": cheap.n,
              "pricey_mean": lang.num(pricey.mean), "pricey_n": pricey.n}
    facts = [mean_fact(lang, "cheap_reaction", cheap), mean_fact(lang, "pricey_reaction", pricey),
             fact(lang, "pricey_spent", lang.money(sum(g.spent_cents for g in pricey_groups)))]
    facts += [mean_fact(lang, f"band_{g.code}", g.stat) for g in report.by_band if g.stat.n]
    gain = abs(pricey.mean - cheap.mean)
    return [build(lang, report, kind="cost_vs_reaction", subject="bands", variant=variant, params=params,
                  facts=facts, evidence=evidence, setting=TEAM_SESSION, score=55 + min(gain * 10, 10),
                  n=cheap.n + pricey.n)]


def _pair_params(lang: Lang, report: WeeklyReport, group: Group) -> dict:
    return {"pair": lang.pair(group.code), "raw": lang.num(group.stat.mean),
            "n": group.stat.n, "delighted": group.stat.delighted, "flat": group.stat.flat,
            "team_mean": lang.num(report.window_totals.mean), "team_n": report.window_totals.n,
            "weeks": report.window_weeks}


@rule("what_moves")
def what_moves(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """The warmest kind × trigger pairs as one prompt: could others try them? Plus the basics (Dixon 2010)."""
    team_mean = report.window_totals.mean
    if team_mean is None:
        return []
    warm = [g for g in report.by_kind_trigger
            if g.stat.n >= MOVES_MIN_N and g.stat.shrunk >= team_mean + MOVES_MARGIN]
    warm = sorted(warm, key=lambda g: (-g.stat.shrunk, g.code))[:MOVES_MAX_PAIRS]
    return ([_warmest(report, lang, warm, team_mean)] if warm else []) + _basics(report, lang)


def _warmest(report: WeeklyReport, lang: Lang, warm: list[Group], team_mean: float) -> Prompt:
    """The warmest pairs merged into one prompt that keeps every pair's facts and evidence."""
    details = [lang.gettext(PAIR_DETAIL, pair=lang.pair(g.code), mean=lang.num(g.stat.mean), n=g.stat.n,
                            delighted=g.stat.delighted) for g in warm]
    params = {"pairs": ", ".join(lang.pair(g.code) for g in warm), "details": "; ".join(details),
              "weeks": report.window_weeks, "team_mean": lang.num(team_mean),
              "team_n": report.window_totals.n}
    facts = [fact(lang, "pair", f"{lang.pair(g.code)}: {lang.num(g.stat.mean)}", g.stat.n) for g in warm]
    facts += [fact(lang, "delighted_share", lang.pct(pool([g.stat for g in warm]).delighted_share),
                   sum(g.stat.n for g in warm)),
              mean_fact(lang, "team_reaction", report.window_totals)]
    best = warm[0].stat.shrunk - team_mean
    return build(lang, report, kind="what_moves", subject="warmest", params=params, facts=facts,
                 evidence=[i for g in warm for i in g.warm_ids], setting=TEAM_SESSION,
                 score=50 + min(best * 10, 10) + 2 * (len(warm) - 1), n=sum(g.stat.n for g in warm))


def _basics(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    total = report.window_totals.n
    basic = [g for g in report.by_trigger if g.code in BASIC_TRIGGERS]
    n_basic = sum(g.stat.n for g in basic)
    if total < BASICS_MIN_N or n_basic < BASICS_MIN_SHARE * total:
        return []
    # The evidence: the latest gestures that answered a complaint or waiting.
    evidence = [i for g in report.recent_triggers if g.code in BASIC_TRIGGERS for i in g.recent_ids]
    params = {"share": lang.pct(n_basic / total), "n_basic": n_basic, "n": total,
              "weeks": report.window_weeks}
    facts = [fact(lang, "basic_share", params["share"], total)]
    facts += [fact(lang, f"trigger_{g.code}", str(g.stat.n), total) for g in basic]
    return [build(lang, report, kind="what_moves", subject="basics", variant="basics", params=params,
                  facts=facts, evidence=evidence, setting=TEAM_SESSION, score=50 + 10 * n_basic / total,
                  n=total)]


@rule("falls_flat")
def falls_flat(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """A kind × trigger pair that repeatedly gets no visible reaction: what did customers need instead?"""
    team_mean = report.window_totals.mean
    if team_mean is None:
        return []
    flat = [g for g in report.by_kind_trigger
            if g.stat.n >= FLAT_MIN_N and g.stat.flat_share >= FLAT_MIN_SHARE
            and g.stat.shrunk <= team_mean - FLAT_MARGIN]
    flat.sort(key=lambda g: (g.stat.shrunk, g.code))
    return [build(lang, report, kind="falls_flat", subject=g.code, params=_pair_params(lang, report, g),
                  facts=[fact(lang, "flat_share", lang.pct(g.stat.flat_share), g.stat.n),
                         mean_fact(lang, "mean_reaction", g.stat),
                         mean_fact(lang, "team_reaction", report.window_totals)],
                  evidence=g.flat_ids, setting=TEAM_SESSION,
                  score=50 + min((team_mean - g.stat.shrunk) * 10, 10), n=g.stat.n)
            for g in flat[:FLAT_MAX_PROMPTS]]
