"""Date expressions resolved against the article date (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.pipeline.dates import date_for_event, find_dates
from harmattan.records import DateMention, Span

WEDNESDAY = dt.date(2024, 6, 12)


def _one(text: str, article_date: dt.date = WEDNESDAY) -> tuple[str, int]:
    found = find_dates(text, "en", article_date)
    assert len(found) == 1, found
    return found[0].date.isoformat(), found[0].precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen attacked the village on Saturday night.", ("2024-06-08", 1)),
        ("Militants struck early Sunday morning.", ("2024-06-09", 1)),
        ("The army said the raid happened Wednesday.", ("2024-06-12", 1)),  # the article's own weekday
        ("The convoy was ambushed last Wednesday.", ("2024-06-05", 1)),
        ("The market was bombed last Monday.", ("2024-06-10", 1)),
        ("Des hommes armés ont attaqué le village dimanche soir.", ("2024-06-09", 1)),
        ("Le camp a été attaqué lundi dernier.", ("2024-06-10", 1)),
        ("Le poste a été visé jeudi dernier.", ("2024-06-06", 1)),
        ("L'attaque a eu lieu dans la nuit de samedi à dimanche.", ("2024-06-08", 1)),
        ("Une base a été attaquée dans la nuit du 27 au 28 mai.", ("2024-05-27", 1)),
        ("Une base a été attaquée dans la nuit de dimanche à lundi 10 juin.", ("2024-06-09", 1)),
        ("Two soldiers were killed yesterday.", ("2024-06-11", 1)),
        ("Deux soldats ont été tués hier.", ("2024-06-11", 1)),
        ("Le marché a été incendié avant-hier.", ("2024-06-10", 1)),
        ("Rebels seized the town three days ago.", ("2024-06-09", 1)),
        ("Police dispersed protesters last week.", ("2024-06-05", 2)),
        ("Les manifestations ont eu lieu la semaine dernière.", ("2024-06-05", 2)),
        ("The bridge was destroyed two weeks ago.", ("2024-05-29", 2)),
        ("Bandits raided farms over the weekend.", ("2024-06-08", 2)),
        ("Des affrontements ont éclaté ce week-end.", ("2024-06-08", 2)),
        ("Troops withdrew last month.", ("2024-05-15", 3)),
        ("Le camp a été fermé le mois dernier.", ("2024-05-15", 3)),
        ("The army retook the town earlier this month.", ("2024-06-06", 3)),  # not after the article
        ("Les combats ont repris début juin.", ("2024-06-05", 3)),
        ("La ville est tombée fin mai.", ("2024-05-25", 3)),
        ("Le convoi a été attaqué mi-juillet.", ("2023-07-15", 3)),  # the most recent July
        ("The strike happened on March 9.", ("2024-03-09", 1)),
        ("The strike happened on 9 March 2024.", ("2024-03-09", 1)),
        ("The strike happened on Jan. 3.", ("2024-01-03", 1)),
        ("He was kidnapped on Oct. 14, 2016.", ("2016-10-14", 1)),
        ("Le village a été attaqué le 4 juin.", ("2024-06-04", 1)),
        ("Le village a été attaqué mardi 4 juin.", ("2024-06-04", 1)),
        ("Il a été enlevé le 1er janvier 2019.", ("2019-01-01", 1)),
        ("Le village a été attaqué le 20 août.", ("2023-08-20", 1)),  # no year: not after the article
        ("Une marche est prévue le 20 juin.", ("2024-06-20", 1)),  # within the coming month: a plan
        ("Fighting resumed on the 3rd.", ("2024-06-03", 1)),
        ("The camp was overrun in December.", ("2023-12-15", 3)),
        ("Le camp a été attaqué en décembre 2023.", ("2023-12-15", 3)),
        ("The mutiny took place in March 2022.", ("2022-03-15", 3)),
        ("Churches were attacked on Christmas Day.", ("2023-12-25", 1)),
        ("Des églises ont été attaquées à Noël.", ("2023-12-25", 1)),
        ("Villages were raided on Christmas Eve.", ("2023-12-24", 1)),
        ("A bomb exploded on New Year's Eve.", ("2023-12-31", 1)),
        ("Des manifestations jeudi (20.10.2022) ont dégénéré.", ("2022-10-20", 1)),
        ("Attaque dans la nuit du vendredi 7 au samedi 8 mai.", ("2024-06-07", 1)),  # ... or month
        ("The raid happened on Friday, May 3.", ("2024-05-03", 1)),
        ("Des civils ont été tués entre le 27 et le 31 mars.", ("2024-03-29", 2)),  # a span: its mid-point
        ("Les violences ont éclaté du 1er au 3 juin 2023.", ("2023-06-02", 2)),
        ("Les combats se sont déroulés entre le jeudi 25 et le samedi 27 avril 2024.", ("2024-04-26", 2)),
        ("Villages were raided between May 30 and June 3.", ("2024-06-01", 2)),
        ("Talks were held from 2 to 28 February.", ("2024-02-15", 3)),  # longer than a week: month known
    ],
)
def test_dates_resolves_expression(text: str, expected: tuple[str, int]) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "May God protect the victims.",
        "The attackers may have fled.",
        "Monday Abba, a local chief, said the town was calm.",  # a given name, not a day
        "The 12 villages were attacked by 300 gunmen.",
        "They will meet again next Monday.",
        "Between 20 and 30 people were wounded.",
        "Le ministre Jean-Noël Barrot a réagi.",
        "Noël Tshiani a été reçu au palais.",
        "Le Mouvement du 23 mars a pris la ville.",
        "The March 23 Movement rebels advanced.",
    ],
)
def test_dates_ignores_non_dates(text: str) -> None:
    assert find_dates(text, "en", WEDNESDAY) == ()


def test_dates_weekday_corrects_a_slipped_year() -> None:
    # 4 January 2023 was a Wednesday; in an article of January 2024 "samedi" means 6 January 2024
    assert _one("Des hommes armés ont tué 30 civils samedi 6 janvier 2023.", dt.date(2024, 1, 8)) == ("2024-01-06", 1)


def test_dates_day_without_year_takes_the_story_year() -> None:
    text = "Il a confirmé son enlèvement dans une vidéo le 5 mai 2021. Il avait été enlevé le 8 avril à Gao."
    assert [d.date.isoformat() for d in find_dates(text, "fr", dt.date(2023, 3, 20))] == ["2021-05-05", "2021-04-08"]


def test_dates_yesterday_explained_by_weekday_keeps_the_weekday() -> None:
    found = find_dates("The camp was attacked yesterday (Monday).", "en", WEDNESDAY)
    assert [(d.span.text, d.date.isoformat()) for d in found] == [("Monday", "2024-06-10")]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The army said on Tuesday that the camp had fallen.", "report"),
        ("Le gouvernement a annoncé dimanche le bilan.", "report"),
        ("The army says Sunday's airstrike hit the camp.", "event"),
        ("Fighting has continued since March 2022.", "bound"),
        ("Un couvre-feu est en vigueur jusqu'à dimanche.", "until"),
        ("Gunmen attacked the town on Sunday.", "event"),
        ('"The accord we signed today must hold," the envoy told reporters.', "report"),
        ("“Yesterday our patrol was ambushed near the river,” a ranger said.", "report"),
        ("« Hier, des hommes armés ont attaqué le marché », a dit un élu.", "report"),
        ("Gunmen attacked the market yesterday, a local official said.", "event"),
        ('The mayor called the raid "cowardly". Soldiers arrested two men today.', "event"),
    ],
)
def test_dates_marks_role(text: str, role: str) -> None:
    (found,) = find_dates(text, "en", WEDNESDAY)
    assert found.role == role


def _mention(day: str, *, role: str = "event", start: int = 0) -> DateMention:
    return DateMention(Span(start, start + 1, "x"), dt.date.fromisoformat(day), 1, role=role)


def test_dates_event_date_prefers_earliest_event_date_of_the_sentence() -> None:
    sentence = [_mention("2024-06-12", role="report"), _mention("2024-06-09", start=5), _mention("2024-06-10", start=9)]
    date, precision, evidence = date_for_event(sentence, [], WEDNESDAY)
    assert (date.isoformat(), precision, evidence) == ("2024-06-09", 1, sentence[1])


def test_dates_event_date_falls_back_to_nearest_earlier_date() -> None:
    nearby = [_mention("2024-06-08"), _mention("2024-06-01")]
    assert date_for_event([], nearby, WEDNESDAY)[0].isoformat() == "2024-06-08"


def test_dates_event_date_does_not_carry_an_old_month_on() -> None:
    background = DateMention(Span(0, 1, "x"), dt.date(2023, 4, 15), 3)
    nearby = [background, _mention("2024-06-08")]
    assert date_for_event([], nearby, WEDNESDAY)[0].isoformat() == "2024-06-08"
    assert date_for_event([], [background], WEDNESDAY) == (WEDNESDAY, 1, None)


def test_dates_event_date_of_a_state_is_the_day_it_began() -> None:
    since, until = _mention("2024-06-03", role="bound", start=20), _mention("2024-06-09", role="until", start=40)
    assert date_for_event([since], [_mention("2024-06-11")], WEDNESDAY)[0].isoformat() == "2024-06-03"
    assert date_for_event([until], [_mention("2024-06-11")], WEDNESDAY)[0].isoformat() == "2024-06-11"


def test_dates_event_date_uses_report_date_before_article_date() -> None:
    assert date_for_event([_mention("2024-06-11", role="report")], [], WEDNESDAY)[0].isoformat() == "2024-06-11"


def test_dates_event_date_without_any_date_is_the_article_date() -> None:
    assert date_for_event([], [], WEDNESDAY, 3) == (WEDNESDAY, 3, None)


def test_dates_event_date_skips_dates_after_the_article() -> None:
    later = [_mention("2024-09-01")]
    assert date_for_event(later, [], WEDNESDAY) == (WEDNESDAY, 1, None)


def test_dates_quoted_today_does_not_date_the_event_over_an_earlier_day() -> None:
    text = 'The two sides agreed on Monday to a truce. "The truce signed today must be respected," the mediator said.'
    found = find_dates(text, "en", WEDNESDAY)
    earlier = [d for d in found if d.span.start < text.index('"')]
    inside = [d for d in found if d.span.start > text.index('"')]
    assert date_for_event(inside, earlier[::-1], WEDNESDAY)[0].isoformat() == "2024-06-10"
