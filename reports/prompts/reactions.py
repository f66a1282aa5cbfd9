"""Prompts about what moves customers, over the trailing window (one week is too thin)."""

from ledger.queries import BAND_5_LIMIT_CENTS, BAND_5_TO_15, BAND_FREE, BAND_OVER_15, BAND_UP_TO_5
from reports.i18n import Lang
from reports.model import TEAM_SESSION, Group, Prompt, WeeklyReport
from reports.prompts import rule
from reports.prompts.base import build, fact, mean_fact
from reports.stats import mean_difference_z, pool

# cost_vs_reaction: free/small gestures (≤ €5) against pricier ones (> €5), shrunk toward the team mean.
COST_MIN_N_PER_SIDE = 8  # entries needed on each side before comparing
COST_NO_GAIN = 0.25  # pricier ones at most this much warmer (1–5 scale): "small ones land as well"
COST_CLEAR_GAIN = 0.5  # pricier ones at least this much warmer and |z| >= COST_MIN_Z: "price seems to matter"
COST_MIN_Z = 2.0

# what_moves: the warmest kind × trigger pairs.
MOVES_MIN_N = 5
MOVES_MARGIN = 0.3  # shrunk mean at least this far above the team mean
MOVES_MAX_PROMPTS = 2
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


@rule("cost_vs_reaction")
def cost_vs_reaction(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """Do pricier gestures move customers more here? Tests the giver's bias (Flynn & Adams 2009)."""
    team_mean = report.window_totals.mean
    cheap_groups = _side(report, (BAND_FREE, BAND_UP_TO_5))
    pricey_groups = _side(report, (BAND_5_TO_15, BAND_OVER_15))
    cheap, pricey = pool([g.stat for g in cheap_groups], team_mean), pool([g.stat for g in pricey_groups],
                                                                           team_mean)
    if cheap.n < COST_MIN_N_PER_SIDE or pricey.n < COST_MIN_N_PER_SIDE:
        return []
    gain, z = pricey.shrunk - cheap.shrunk, mean_difference_z(cheap, pricey)
    if gain <= COST_NO_GAIN:
        variant, evidence = "cheap", [i for g in cheap_groups for i in g.warm_ids]
    elif gain >= COST_CLEAR_GAIN and z >= COST_MIN_Z:
        variant, evidence = "pricey", [i for g in pricey_groups for i in g.warm_ids]
    else:
        return []  # no clear pattern either way: nothing honest to ask
    params = {"limit": lang.money(BAND_5_LIMIT_CENTS), "weeks": report.window_weeks,
              "cheap_mean": lang.num(cheap.shrunk), "cheap_n": cheap.n,
              "pricey_mean": lang.num(pricey.shrunk), "pricey_n": pricey.n,
              "pricey_spent": lang.money(sum(g.spent_cents for g in pricey_groups))}
    facts = [fact(lang, "cheap_reaction", lang.num(cheap.shrunk), cheap.n),
             fact(lang, "pricey_reaction", lang.num(pricey.shrunk), pricey.n),
             fact(lang, "pricey_spent", params["pricey_spent"])]
    facts += [fact(lang, f"band_{g.code}", lang.num(g.stat.shrunk), g.stat.n) for g in report.by_band
              if g.stat.n]
    return [build(lang, report, kind="cost_vs_reaction", subject="bands", variant=variant, params=params,
                  facts=facts, evidence=evidence, setting=TEAM_SESSION, score=55 + min(abs(gain) * 10, 10),
                  n=cheap.n + pricey.n, stat=pricey if variant == "pricey" else cheap)]


def _pair_params(lang: Lang, report: WeeklyReport, group: Group) -> dict:
    return {"pair": lang.pair(group.code), "mean": lang.num(group.stat.shrunk),
            "raw": lang.num(group.stat.mean),
            "n": group.stat.n, "delighted": group.stat.delighted, "flat": group.stat.flat,
            "team_mean": lang.num(report.window_totals.mean), "weeks": report.window_weeks}


def _pair_facts(lang: Lang, report: WeeklyReport, group: Group) -> list:
    return [fact(lang, "shrunk_reaction", lang.num(group.stat.shrunk), group.stat.n),
            mean_fact(lang, "raw_reaction", group.stat),
            fact(lang, "delighted_share", lang.pct(group.stat.delighted_share), group.stat.n),
            fact(lang, "team_reaction", lang.num(report.window_totals.mean), report.window_totals.n)]


@rule("what_moves")
def what_moves(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """The warmest kind × trigger pairs: could others try them? Plus the basics question (Dixon 2010)."""
    team_mean = report.window_totals.mean
    if team_mean is None:
        return []
    warm = [g for g in report.by_kind_trigger
            if g.stat.n >= MOVES_MIN_N and g.stat.shrunk >= team_mean + MOVES_MARGIN]
    warm.sort(key=lambda g: (-g.stat.shrunk, g.code))
    prompts = [build(lang, report, kind="what_moves", subject=g.code, params=_pair_params(lang, report, g),
                     facts=_pair_facts(lang, report, g), evidence=g.warm_ids, setting=TEAM_SESSION,
                     score=48 + min((g.stat.shrunk - team_mean) * 10, 10), n=g.stat.n, stat=g.stat)
               for g in warm[:MOVES_MAX_PROMPTS]]
    return prompts + _basics(report, lang)


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
                         *_pair_facts(lang, report, g)],
                  evidence=g.flat_ids, setting=TEAM_SESSION,
                  score=50 + min((team_mean - g.stat.shrunk) * 10, 10),
                  n=g.stat.n, stat=g.stat)
            for g in flat[:FLAT_MAX_PROMPTS]]
