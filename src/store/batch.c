/* Group commit, for both engines (batch.h). */
#include "batch.h"

#include "../base/err.h"

enum { BATCH_MAX = 64, BATCH_AGE_NS = 20 * 1000 * 1000 };

/* A request's part of the batch: on its thread's stack while it waits. */
struct batch_member {
	struct batch_member *next;
	int rc;
	bool done;
};

void batch_init(struct batch *b, struct store *s, const struct batch_ops *ops)
{
	b->store = s;
	b->ops = ops;
	pthread_mutex_init(&b->write_lock, NULL);
	pthread_mutex_init(&b->done_lock, NULL);
	pthread_cond_init(&b->done_cond, NULL);
}

void batch_release(struct batch *b)
{
	pthread_mutex_destroy(&b->write_lock);
	pthread_mutex_destroy(&b->done_lock);
	pthread_cond_destroy(&b->done_cond);
}

uint64_t batch_generation(struct batch *b)
{
	return atomic_load(&b->generation);
}

/* Takes the writer, counted among those waiting for it meanwhile: while
 * one is, a batch stays open for it. */
static void writer_take(struct batch *b)
{
	atomic_fetch_add(&b->queued, 1);
	pthread_mutex_lock(&b->write_lock);
	atomic_fetch_sub(&b->queued, 1);
}

/* Ends the open batch, committed when commit is true, and tells its members
 * how it went; the caller holds the writer. */
static int batch_end(struct batch *b, bool commit)
{
	int rc = commit ? b->ops->commit(b->store, b->changes) : ERR_DB;
	if (rc)
		b->ops->rollback(b->store);
	if (!rc && b->changes)
		atomic_fetch_add(&b->generation, 1);
	pthread_mutex_lock(&b->done_lock);
	for (struct batch_member *m = b->members, *next; m; m = next) {
		next = m->next;
		m->rc = rc;
		m->done = true;
	}
	pthread_cond_broadcast(&b->done_cond);
	pthread_mutex_unlock(&b->done_lock);
	b->members = NULL;
	b->open = false;
	b->changes = false;
	b->size = 0;
	return rc;
}

static bool batch_old(struct batch *b)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	int64_t ns = (int64_t)(now.tv_sec - b->start.tv_sec) * 1000000000 + (now.tv_nsec - b->start.tv_nsec);
	return ns >= BATCH_AGE_NS;
}

/* Gives the writer back. The open batch commits now unless another thread
 * is waiting for the writer, which will then join it (or end it). */
static void writer_give(struct batch *b)
{
	if (b->open && (atomic_load(&b->queued) == 0 || b->size >= BATCH_MAX || batch_old(b)))
		batch_end(b, true);
	pthread_mutex_unlock(&b->write_lock);
}

void batch_take_alone(struct batch *b)
{
	writer_take(b);
	if (b->open)
		batch_end(b, true);
}

void batch_give_alone(struct batch *b)
{
	pthread_mutex_unlock(&b->write_lock);
}

int batch_write_begin(struct batch *b)
{
	writer_take(b);
	if (!b->open) {
		if (b->ops->begin(b->store)) {
			pthread_mutex_unlock(&b->write_lock);
			return ERR_DB;
		}
		b->open = true;
		clock_gettime(CLOCK_MONOTONIC, &b->start);
	}
	enum batch_tx tx = b->ops->savepoint(b->store);
	if (tx == BATCH_TX_GONE) {
		batch_end(b, false);
		pthread_mutex_unlock(&b->write_lock);
		return ERR_DB;
	}
	if (tx == BATCH_TX_FAILED) {
		writer_give(b);
		return ERR_DB;
	}
	b->size++;
	return 0;
}

int batch_write_end(struct batch *b, bool commit, bool changes_data)
{
	enum batch_tx tx = b->ops->state(b->store);
	if (tx == BATCH_TX_GONE) {
		batch_end(b, false);
		pthread_mutex_unlock(&b->write_lock);
		return ERR_DB;
	}
	int rc = tx == BATCH_TX_FAILED && commit ? ERR_DB : 0;
	if (commit && !rc && b->ops->release(b->store)) {
		batch_end(b, false);
		pthread_mutex_unlock(&b->write_lock);
		return ERR_DB;
	}
	if (!commit || rc) {
		/* only this request's work is undone */
		if (b->ops->undo(b->store))
			batch_end(b, false);
		writer_give(b);
		return rc;
	}
	struct batch_member me = {.next = b->members};
	b->members = &me;
	b->changes |= changes_data;
	writer_give(b);
	pthread_mutex_lock(&b->done_lock);
	while (!me.done)
		pthread_cond_wait(&b->done_cond, &b->done_lock);
	pthread_mutex_unlock(&b->done_lock);
	return me.rc;
}
