//! The poller's small writes, grouped: the record of a read that stored no posts (unchanged,
//! gone, deferred, failed) goes to one writer that commits whatever has queued up meanwhile
//! in one transaction; and on SQLite, which has one writer anyway, the poller's own writes
//! take turns in the process instead of sleeping on the database's lock.

use sea_orm::DatabaseBackend;
use tokio::sync::{MutexGuard, mpsc, oneshot};

use super::Poller;
use crate::entities::feed;

/// Records written in one transaction at most.
const GROUP: usize = 256;

struct Job {
    id: i32,
    row: feed::ActiveModel,
    done: oneshot::Sender<Result<(), String>>,
}

/// Where a read sends its record; cheap to clone.
#[derive(Clone)]
pub struct Writes(mpsc::Sender<Job>);

impl Writes {
    /// Starts the writer; it ends once every clone of the returned `Writes` is dropped.
    pub fn start(poller: &Poller) -> (Self, tokio::task::JoinHandle<()>) {
        let (sender, receiver) = mpsc::channel(GROUP);
        let task = tokio::spawn(run(poller.clone(), receiver));
        (Self(sender), task)
    }

    /// Queues the record of feed `id` and waits until it is written.
    pub async fn save(&self, id: i32, row: feed::ActiveModel) -> Result<(), sea_orm::DbErr> {
        let (done, written) = oneshot::channel();
        let failed = || sea_orm::DbErr::Custom("the poller's writer stopped".into());
        self.0
            .send(Job { id, row, done })
            .await
            .map_err(|_| failed())?;
        written
            .await
            .map_err(|_| failed())?
            .map_err(sea_orm::DbErr::Custom)
    }
}

async fn run(poller: Poller, mut jobs: mpsc::Receiver<Job>) {
    while let Some(first) = jobs.recv().await {
        let mut group = vec![first];
        while group.len() < GROUP {
            match jobs.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        if save_together(&poller, &group).await.is_ok() {
            for job in group {
                let _ = job.done.send(Ok(()));
            }
            continue;
        }
        // One bad record must not fail the others: each on its own.
        for job in group {
            let saved = poller.save(&poller.db, job.row, job.id).await;
            let _ = job.done.send(saved.map_err(|e| e.to_string()));
        }
    }
}

async fn save_together(poller: &Poller, group: &[Job]) -> Result<(), sea_orm::DbErr> {
    let _turn = poller.write_turn().await;
    let txn = crate::db::begin_write(&poller.db).await?;
    for job in group {
        poller.save(&txn, job.row.clone(), job.id).await?;
    }
    txn.commit().await
}

impl Poller {
    /// On SQLite, this process's turn to write (held until dropped); nothing elsewhere.
    pub(super) async fn write_turn(&self) -> Option<MutexGuard<'_, ()>> {
        match self.db.get_database_backend() {
            DatabaseBackend::Sqlite => Some(self.writing.lock().await),
            _ => None,
        }
    }

    /// Writes a record through the writer when this read has one, else at once.
    pub(super) async fn record(
        &self,
        id: i32,
        row: feed::ActiveModel,
    ) -> Result<(), sea_orm::DbErr> {
        match &self.writes {
            Some(writes) => writes.save(id, row).await,
            None => {
                let _turn = self.write_turn().await;
                self.save(&self.db, row, id).await
            }
        }
    }
}
