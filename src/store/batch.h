/* batch: group commit, the writer's batching that both engines share
 * (sqlite.c, pg.c).
 *
 * A store has one writer connection. The requests that take it one after
 * the other while others wait for it each do their work in a savepoint of
 * one transaction, the batch, which commits (one fsync) when a request
 * gives the writer back and nobody is waiting for it, or the batch has 64
 * writes or is 20 ms old. A request's savepoint is rolled back when it
 * fails, so one failing write never takes the others down; a request whose
 * write succeeded waits, on its own stack, until its batch has committed,
 * and is told the commit's result: nothing is answered before it is on
 * disk. When the batch's transaction itself is lost (a full disk, a broken
 * connection), every write in it is answered as failed (ERR_DB).
 *
 * What the engines do differently, their SQL and what a failed statement
 * leaves of a transaction, each gives as a struct batch_ops, called with
 * its own struct store, in which the struct batch lives. Every op is
 * called with the writer held. Only store/ includes this header. */
#ifndef KIEM_STORE_BATCH_H
#define KIEM_STORE_BATCH_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct store;

/* What a request's savepoint, or its work, left of the batch's transaction. */
enum batch_tx {
	BATCH_TX_OK,
	BATCH_TX_FAILED, /* the request failed, as its transaction would have alone; the batch goes on */
	BATCH_TX_GONE,   /* the transaction is lost, with every write of the batch */
};

struct batch_ops {
	/* Begins the batch's transaction: 0, or an error with none left open. */
	int (*begin)(struct store *s);
	/* Makes the request's savepoint. */
	enum batch_tx (*savepoint)(struct store *s);
	/* How the transaction stands at the end of a request's work (it logs
	 * why when it is gone). */
	enum batch_tx (*state)(struct store *s);
	/* Releases the request's savepoint: its work joins the batch. 0 or an error. */
	int (*release)(struct store *s);
	/* Rolls back to the request's savepoint and releases it. 0 or an error. */
	int (*undo)(struct store *s);
	/* Commits the batch, counting the data's generation up in the
	 * database first (in the same transaction) when changes is true. 0 or
	 * an error. */
	int (*commit)(struct store *s, bool changes);
	/* Rolls back whatever is still open of a failed batch. */
	void (*rollback)(struct store *s);
};

struct batch_member;

/* A store's writer and its batch. */
struct batch {
	struct store *store;
	const struct batch_ops *ops;
	_Atomic uint64_t generation; /* the committed batches that changed data */
	pthread_mutex_t write_lock;  /* the writer */
	_Atomic int queued;          /* threads waiting for the writer */
	/* the open batch, under write_lock */
	bool open, changes;
	int size;
	struct timespec start;
	struct batch_member *members;
	pthread_mutex_t done_lock; /* a member's result */
	pthread_cond_t done_cond;
};

/* Sets b up for the store s (zeroed, as calloc leaves it) with its
 * engine's ops; batch_release frees what it holds. */
void batch_init(struct batch *b, struct store *s, const struct batch_ops *ops);
void batch_release(struct batch *b);

/* A request's write (store_write_begin): takes the writer, joins the open
 * batch or begins one, and makes the request's savepoint. 0 with the
 * writer held, or ERR_DB without it. */
int batch_write_begin(struct batch *b);

/* Ends the request's write (store_write_end): commit false, or a failed
 * request, undoes only its work; commit true waits until its batch has
 * committed. changes_data false is a write aside, which moves no
 * generation. Gives the writer back; the result is the commit's. */
int batch_write_end(struct batch *b, bool commit, bool changes_data);

/* Takes the writer for work that is not a request's (a checkpoint, the
 * scrub, a migration), committing the open batch first; gives it back. */
void batch_take_alone(struct batch *b);
void batch_give_alone(struct batch *b);

/* How many batches that changed data this store has committed. */
uint64_t batch_generation(struct batch *b);

#endif
