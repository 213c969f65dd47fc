//! The people of a cohort a page at a time, optionally found by name: what the cohort
//! page and the river's person search show, costing what one page shows.

use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use super::ParticipantProgress;
use crate::entities::{cohort, completion, participant, person};

/// Which people, in name order.
#[derive(Clone, Debug, Default)]
pub struct Search {
    /// Part of a name, any case.
    pub name: Option<String>,
}

fn matching(cohort: &cohort::Model, search: &Search) -> Select<participant::Entity> {
    let mut query = participant::Entity::find()
        .inner_join(person::Entity)
        .filter(participant::Column::CohortId.eq(cohort.id));
    if let Some(name) = search
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let pattern = format!("%{}%", name.to_lowercase().replace(['%', '_', '\\'], ""));
        query = query.filter(
            Expr::expr(Func::lower(Expr::col((
                person::Entity,
                person::Column::Name,
            ))))
            .like(pattern),
        );
    }
    query
}

/// Page `page` (1-based) of `per_page` people of `cohort` matching `search`, in name
/// order, with what each completed; and how many match in all.
pub async fn page(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    search: &Search,
    page: u64,
    per_page: u64,
) -> Result<(Vec<ParticipantProgress>, u64), DbErr> {
    let total = matching(cohort, search).count(db).await?;
    let rows = matching(cohort, search)
        .select_also(person::Entity)
        .order_by_asc(Func::lower(Expr::col((
            person::Entity,
            person::Column::Name,
        ))))
        .order_by_asc(participant::Column::Id)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|(p, _)| p.id).collect();
    let mut done: HashMap<i32, Vec<i32>> = HashMap::new();
    let completions: Vec<(i32, i32)> = completion::Entity::find()
        .select_only()
        .column(completion::Column::ParticipantId)
        .column(completion::Column::LessonNumber)
        .filter(completion::Column::ParticipantId.is_in(ids))
        .order_by_asc(completion::Column::LessonNumber)
        .into_tuple()
        .all(db)
        .await?;
    for (participant_id, lesson) in completions {
        done.entry(participant_id).or_default().push(lesson);
    }
    let people = rows
        .into_iter()
        .filter_map(|(p, person)| {
            let person = person?;
            Some(ParticipantProgress {
                completed: done.remove(&p.id).unwrap_or_default(),
                id: p.id,
                name: person.name,
                email: person.email,
                blog: p.blog_url,
                finished_at: p.finished_at,
                joined_at: p.joined_at,
                feed_id: p.feed_id,
            })
        })
        .collect();
    Ok((people, total))
}
