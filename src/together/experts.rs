//! Experts for a lesson: the go-to people its front matter names by address. Pages show
//! the names of those known here, never their addresses.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::person;
use crate::lessons::{Lesson, Program};

/// The names of `lesson`'s experts who are known here, in the order the lesson names them.
pub async fn names(db: &impl ConnectionTrait, lesson: &Lesson) -> Result<Vec<String>, DbErr> {
    if lesson.experts.is_empty() {
        return Ok(Vec::new());
    }
    let known = person::Entity::find()
        .filter(person::Column::Email.is_in(lesson.experts.iter().cloned()))
        .order_by_asc(person::Column::Id)
        .all(db)
        .await?;
    Ok(lesson
        .experts
        .iter()
        .filter_map(|email| known.iter().find(|p| &p.email == email))
        .map(|p| p.name.clone())
        .collect())
}

/// Every expert address the program names that belongs to nobody here, with its lesson.
pub async fn unknown(
    db: &impl ConnectionTrait,
    program: &Program,
) -> Result<Vec<(i32, String)>, DbErr> {
    let mut missing = Vec::new();
    for lesson in &program.lessons {
        for email in &lesson.experts {
            let found = person::Entity::find()
                .filter(person::Column::Email.eq(email.as_str()))
                .one(db)
                .await?;
            if found.is_none() {
                missing.push((lesson.number, email.clone()));
            }
        }
    }
    Ok(missing)
}
