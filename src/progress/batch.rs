//! Recognition's writes for a whole feed at once: new decisions, things and completions,
//! a few hundred rows per INSERT instead of one statement per row.

use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use crate::entities::{completion, post_thing, recognition};

/// Rows per INSERT: well under both databases' limits on bound values.
const ROWS: usize = 200;

/// New decisions; one made meanwhile by another process stays as it is.
pub async fn insert_decisions(
    db: &impl ConnectionTrait,
    rows: Vec<recognition::ActiveModel>,
) -> Result<(), sea_orm::DbErr> {
    for chunk in rows.chunks(ROWS) {
        recognition::Entity::insert_many(chunk.to_vec())
            .on_conflict(
                OnConflict::columns([
                    recognition::Column::ParticipantId,
                    recognition::Column::PostId,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Records that posts count for lessons: (post, lesson) pairs, each once.
pub async fn insert_post_things(
    db: &impl ConnectionTrait,
    participant_id: i32,
    things: impl Iterator<Item = (i32, i32)>,
) -> Result<(), sea_orm::DbErr> {
    let rows: Vec<post_thing::ActiveModel> = things
        .map(|(post_id, number)| post_thing::ActiveModel {
            participant_id: Set(participant_id),
            post_id: Set(post_id),
            lesson_number: Set(number),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(ROWS) {
        post_thing::Entity::insert_many(chunk.to_vec())
            .on_conflict(
                OnConflict::columns([
                    post_thing::Column::ParticipantId,
                    post_thing::Column::PostId,
                    post_thing::Column::LessonNumber,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// New completions; one that exists already stays as it is.
pub async fn insert_completions(
    db: &impl ConnectionTrait,
    rows: Vec<completion::ActiveModel>,
) -> Result<(), sea_orm::DbErr> {
    for chunk in rows.chunks(ROWS) {
        completion::Entity::insert_many(chunk.to_vec())
            .on_conflict(
                OnConflict::columns([
                    completion::Column::ParticipantId,
                    completion::Column::LessonNumber,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}
