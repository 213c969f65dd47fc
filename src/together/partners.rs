//! Peer learning partners: a participant asks on `/me`; a coordinator pairs everyone who
//! asked (at random, preferring people at a similar point, never the same pair twice) or
//! sets a pair by hand. A partner who finishes or leaves is shown to the other, who can
//! ask for a new one: nobody is orphaned silently.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rand::seq::SliceRandom;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder,
};

use crate::entities::{cohort, participant, partner_request, partnership, person};
use crate::i18n::Text;

/// Why a partner request or a pairing was refused; nothing changed.
#[derive(Debug)]
pub enum PartnerError {
    AlreadyPaired,
    Finished,
    Taken(String),
    FinishedOther(String),
    SamePerson,
    NotInCohort,
    Db(DbErr),
}

impl PartnerError {
    /// Why, as a sentence in the reader's language (the refused one, or a coordinator).
    pub fn text(&self) -> Text {
        match self {
            Self::AlreadyPaired => Text::new("problem-already-paired"),
            Self::Finished => Text::new("problem-you-finished"),
            Self::Taken(name) => Text::new("problem-partner-taken").with("name", name),
            Self::FinishedOther(name) => Text::new("problem-partner-finished").with("name", name),
            Self::SamePerson => Text::new("problem-same-person"),
            Self::NotInCohort | Self::Db(_) => Text::new("problem-not-in-cohort"),
        }
    }
}

crate::i18n::refusal!(PartnerError);

/// Where a participant stands with partners.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Partner {
    /// No partner, and none asked for.
    None,
    /// Asked, waiting for the coordinator to pair them.
    Asked,
    /// Learning with this participant.
    With(participant::Model, person::Model),
    /// The partner finished the cohort: they stay shown, and a new partner may be asked.
    Finished(participant::Model, person::Model),
    /// The partner left the cohort.
    Left,
}

/// The partnership of `member` that is not ended, if any.
pub async fn open_partnership(
    db: &impl ConnectionTrait,
    member: i32,
) -> Result<Option<partnership::Model>, DbErr> {
    partnership::Entity::find()
        .filter(
            partnership::Column::FirstId
                .eq(member)
                .or(partnership::Column::SecondId.eq(member)),
        )
        .filter(partnership::Column::EndedAt.is_null())
        .order_by_desc(partnership::Column::Id)
        .one(db)
        .await
}

/// Where `member` stands with partners.
pub async fn partner(
    db: &impl ConnectionTrait,
    member: &participant::Model,
) -> Result<Partner, DbErr> {
    if let Some(open) = open_partnership(db, member.id).await? {
        let Some(other) = open.other(member.id) else {
            return Ok(Partner::Left);
        };
        let found = participant::Entity::find_by_id(other)
            .find_also_related(person::Entity)
            .one(db)
            .await?;
        return Ok(match found {
            Some((other, Some(person))) if other.finished_at.is_some() => {
                Partner::Finished(other, person)
            }
            Some((other, Some(person))) => Partner::With(other, person),
            _ => Partner::Left,
        });
    }
    let asked = partner_request::Entity::find()
        .filter(partner_request::Column::ParticipantId.eq(member.id))
        .one(db)
        .await?
        .is_some();
    Ok(if asked { Partner::Asked } else { Partner::None })
}

/// Ends `member`'s partnership, if any, saying why.
async fn end_open(
    db: &impl ConnectionTrait,
    member: i32,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    partnership::Entity::update_many()
        .col_expr(partnership::Column::EndedAt, Expr::value(now))
        .col_expr(partnership::Column::EndedReason, Expr::value(reason))
        .filter(
            partnership::Column::FirstId
                .eq(member)
                .or(partnership::Column::SecondId.eq(member)),
        )
        .filter(partnership::Column::EndedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// `member` asks for a partner. One whose partner finished or left ends that partnership
/// and asks anew; one learning with an active partner, or finished, is refused.
pub async fn ask(
    db: &DatabaseConnection,
    member: &participant::Model,
    now: DateTime<Utc>,
) -> Result<(), PartnerError> {
    if member.finished_at.is_some() {
        return Err(PartnerError::Finished);
    }
    let txn = crate::db::begin_write(db).await?;
    match partner(&txn, member).await? {
        Partner::With(..) => return Err(PartnerError::AlreadyPaired),
        Partner::Finished(..) => end_open(&txn, member.id, "your partner finished", now).await?,
        Partner::Left => end_open(&txn, member.id, "your partner left the cohort", now).await?,
        Partner::None | Partner::Asked => {}
    }
    partner_request::Entity::insert(partner_request::ActiveModel {
        participant_id: Set(member.id),
        asked_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(partner_request::Column::ParticipantId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    txn.commit().await?;
    Ok(())
}

/// `member` no longer wants a partner: the request is withdrawn, or the partnership ended
/// (the other partner sees it ended and may ask for a new one).
pub async fn withdraw(
    db: &DatabaseConnection,
    member: &participant::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let txn = crate::db::begin_write(db).await?;
    partner_request::Entity::delete_many()
        .filter(partner_request::Column::ParticipantId.eq(member.id))
        .exec(&txn)
        .await?;
    end_open(&txn, member.id, "your partner stopped the partnership", now).await?;
    txn.commit().await
}

/// The latest ended partnership of `member` that the other side ended, with the reason,
/// so that `/me` can say what happened instead of going quiet.
pub async fn last_ended(
    db: &impl ConnectionTrait,
    member: i32,
) -> Result<Option<partnership::Model>, DbErr> {
    partnership::Entity::find()
        .filter(
            partnership::Column::FirstId
                .eq(member)
                .or(partnership::Column::SecondId.eq(member)),
        )
        .order_by_desc(partnership::Column::Id)
        .one(db)
        .await
        .map(|latest| latest.filter(|p| p.ended_at.is_some()))
}

/// Sorts a pair so that the smaller id comes first.
fn pair(a: i32, b: i32) -> (i32, i32) {
    (Ord::min(a, b), Ord::max(a, b))
}

/// Pairs `people` (each with how many lessons they did): shuffled, then ordered by progress,
/// so that neighbours are at a similar point and ties fall at random; each takes the
/// nearest one after them they have never been paired with (`met`). Returns the pairs and
/// whoever is left over (an odd one out, or someone who has met everyone left).
pub fn plan(
    mut people: Vec<(i32, usize)>,
    met: &HashSet<(i32, i32)>,
    rng: &mut impl rand::Rng,
) -> (Vec<(i32, i32)>, Vec<i32>) {
    people.shuffle(rng);
    people.sort_by_key(|(_, done)| *done);
    let mut waiting: Vec<i32> = people.into_iter().map(|(id, _)| id).collect();
    let (mut pairs, mut left) = (Vec::new(), Vec::new());
    while !waiting.is_empty() {
        let first = waiting.remove(0);
        match waiting
            .iter()
            .position(|other| !met.contains(&pair(first, *other)))
        {
            Some(at) => pairs.push(pair(first, waiting.remove(at))),
            None => left.push(first),
        }
    }
    (pairs, left)
}

/// What pairing everyone who asked did.
#[derive(Clone, Debug, Default)]
pub struct Paired {
    pub pairs: Vec<(i32, i32)>,
    /// Those who asked and still wait (an odd one out, or nobody new left for them).
    pub waiting: Vec<i32>,
}

/// Pairs everyone in `cohort` who asked for a partner; `done` gives each participant's
/// lessons done. Those paired are no longer waiting; the rest keep their request.
pub async fn pair_everyone(
    db: &DatabaseConnection,
    cohort: &cohort::Model,
    done: &HashMap<i32, usize>,
    now: DateTime<Utc>,
) -> Result<Paired, DbErr> {
    let txn = crate::db::begin_write(db).await?;
    let asked = asked_in(&txn, cohort.id).await?;
    let met: HashSet<(i32, i32)> = partnership::Entity::find()
        .filter(partnership::Column::CohortId.eq(cohort.id))
        .all(&txn)
        .await?
        .into_iter()
        .filter_map(|p| Some(pair(p.first_id?, p.second_id?)))
        .collect();
    let people = asked
        .iter()
        .map(|id| (*id, done.get(id).copied().unwrap_or_default()))
        .collect();
    let (pairs, waiting) = plan(people, &met, &mut rand::rng());
    for (first, second) in &pairs {
        start(&txn, cohort, *first, *second, now).await?;
    }
    txn.commit().await?;
    Ok(Paired { pairs, waiting })
}

/// Starts a partnership and withdraws both partners' requests.
async fn start(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    a: i32,
    b: i32,
    now: DateTime<Utc>,
) -> Result<partnership::Model, DbErr> {
    let (first, second) = pair(a, b);
    partner_request::Entity::delete_many()
        .filter(partner_request::Column::ParticipantId.is_in([first, second]))
        .exec(db)
        .await?;
    partnership::ActiveModel {
        cohort_id: Set(cohort.id),
        first_id: Set(Some(first)),
        second_id: Set(Some(second)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// A coordinator pairs `a` and `b` of `cohort` by hand (a pair made before may be made
/// again). Either may have asked or not; neither may have an active partner.
pub async fn pair_by_hand(
    db: &DatabaseConnection,
    cohort: &cohort::Model,
    a: i32,
    b: i32,
    now: DateTime<Utc>,
) -> Result<partnership::Model, PartnerError> {
    if a == b {
        return Err(PartnerError::SamePerson);
    }
    let txn = crate::db::begin_write(db).await?;
    let mut both = Vec::new();
    for id in [a, b] {
        both.push(
            crate::cohorts::member(&txn, cohort, id)
                .await?
                .ok_or(PartnerError::NotInCohort)?,
        );
    }
    for (member, person) in both {
        let id = member.id;
        if member.finished_at.is_some() {
            return Err(PartnerError::FinishedOther(person.name));
        }
        match partner(&txn, &member).await? {
            Partner::With(..) => return Err(PartnerError::Taken(person.name)),
            Partner::Finished(..) | Partner::Left => {
                end_open(&txn, id, "the coordinator gave you a new partner", now).await?;
            }
            Partner::None | Partner::Asked => {}
        }
    }
    let made = start(&txn, cohort, a, b, now).await?;
    txn.commit().await?;
    Ok(made)
}

/// A coordinator ends a partnership of `cohort`; both may ask for a new partner.
pub async fn end_by_coordinator(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    id: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let ended = partnership::Entity::update_many()
        .col_expr(partnership::Column::EndedAt, Expr::value(now))
        .col_expr(
            partnership::Column::EndedReason,
            Expr::value("the coordinator ended the partnership"),
        )
        .filter(partnership::Column::Id.eq(id))
        .filter(partnership::Column::CohortId.eq(cohort.id))
        .filter(partnership::Column::EndedAt.is_null())
        .exec(db)
        .await?;
    Ok(ended.rows_affected == 1)
}

/// A cohort's open partnerships and the ids of those waiting for a partner.
pub async fn of_cohort(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
) -> Result<(Vec<partnership::Model>, Vec<i32>), DbErr> {
    let open = partnership::Entity::find()
        .filter(partnership::Column::CohortId.eq(cohort.id))
        .filter(partnership::Column::EndedAt.is_null())
        .order_by_asc(partnership::Column::Id)
        .all(db)
        .await?;
    let asked = asked_in(db, cohort.id).await?;
    Ok((open, asked))
}

/// Those of `cohort` (not finished) who asked for a partner, in the order they asked.
async fn asked_in(db: &impl ConnectionTrait, cohort: i32) -> Result<Vec<i32>, DbErr> {
    Ok(partner_request::Entity::find()
        .filter(
            partner_request::Column::ParticipantId.in_subquery(
                Query::select()
                    .column(participant::Column::Id)
                    .from(participant::Entity)
                    .and_where(participant::Column::CohortId.eq(cohort))
                    .and_where(participant::Column::FinishedAt.is_null())
                    .to_owned(),
            ),
        )
        .order_by_asc(partner_request::Column::AskedAt)
        .order_by_asc(partner_request::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.participant_id)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn rng() -> rand::rngs::StdRng {
        rand::rngs::StdRng::seed_from_u64(23)
    }

    #[test]
    fn an_odd_one_waits_and_nobody_is_paired_with_themselves() {
        let people = (1..=5).map(|id| (id, 0)).collect();
        let (pairs, left) = plan(people, &HashSet::new(), &mut rng());
        assert_eq!(pairs.len(), 2);
        assert_eq!(left.len(), 1);
        let mut seen: Vec<i32> = pairs.iter().flat_map(|(a, b)| [*a, *b]).collect();
        seen.extend(&left);
        seen.sort_unstable();
        assert_eq!(seen, vec![1, 2, 3, 4, 5]);
        assert!(pairs.iter().all(|(a, b)| a != b));
    }

    #[test]
    fn a_pair_is_never_made_twice() {
        let met: HashSet<(i32, i32)> = [(1, 2), (3, 4)].into();
        for seed in 0..50 {
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            let (pairs, left) = plan(vec![(1, 0), (2, 0), (3, 0), (4, 0)], &met, &mut rng);
            assert!(pairs.iter().all(|p| !met.contains(p)), "{pairs:?}");
            assert_eq!(pairs.len() + left.len() / 2, 2, "{pairs:?} {left:?}");
        }
        let (pairs, left) = plan(vec![(1, 0), (2, 0)], &met, &mut rng());
        assert!(pairs.is_empty());
        assert_eq!(left.len(), 2);
    }

    #[test]
    fn people_at_a_similar_point_are_paired() {
        let people = vec![(1, 0), (2, 10), (3, 1), (4, 11)];
        let (pairs, _) = plan(people, &HashSet::new(), &mut rng());
        assert_eq!(pairs, vec![(1, 3), (2, 4)]);
    }
}
