/* lease: which node of several runs a background job.
 *
 * Every `kiem serve` on one database runs the same workers (the outbox,
 * the inactivity sweep, the digest, the queued account requests); each
 * job must run on one node only, or a mail goes out twice. So a job runs
 * only on the node that holds its lease: a row of the table leases (name,
 * holder, until_epoch). A node takes a lease that is free, expired or its
 * own, and renews it, with one statement that another node's statement
 * can only wait for, never overtake: so at most one node holds it at any
 * time; it gives it back when it stops, and a node that dies loses it when
 * it expires. The times are the nodes' clocks in seconds since 1970:
 * their clocks must agree within the margin the caller keeps (worker.h,
 * LEASE_MARGIN_S). A lease is written aside (store.h): no kept answer
 * depends on it. */
#ifndef KIEM_LEASE_H
#define KIEM_LEASE_H

#include <stdbool.h>
#include <stdint.h>

struct store;

enum { LEASE_HOLDER_MAX = 96 };

/* This process's name as a holder: KIEM_NODE if set (a node restarted
 * under the same name takes its leases back at once, without waiting for
 * them to expire), else its host, its process id and a random part. Two
 * processes with one name would both run the jobs. */
const char *lease_node(void);
/* Takes or renews the lease name for holder until now + seconds: *held
 * tells whether holder has it now (false: another holds it and it has not
 * expired). ERR_DB if the database failed: then holder may or may not
 * hold it. */
int lease_take(struct store *s, const char *name, const char *holder, int64_t now, int seconds, bool *held);
/* Gives the lease back if holder has it, so that another node may take it
 * at once. */
int lease_release(struct store *s, const char *name, const char *holder);

#endif
