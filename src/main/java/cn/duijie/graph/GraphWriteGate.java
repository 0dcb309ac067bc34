package cn.duijie.graph;

import java.time.Duration;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientTransactionFailureException;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;
import org.neo4j.kernel.api.exceptions.Status;

/**
 * Holds every committing write transaction of the embedded Neo4j at one door while it is closed (an online backup
 * copies the store meanwhile); reads never pass through it. Neo4j calls {@code beforeCommit} only for transactions
 * that change data, before they reach the transaction log, so no write of any code path (Bolt, the outbox relay,
 * imports, migrations) slips past a closed gate.
 */
final class GraphWriteGate implements TransactionEventListener<Object> {

    /** Marks the transactions this gate let through, so that only they are counted out again. */
    private static final Object PASSED = new Object();

    private final Duration longestHold;
    private boolean closed;
    private int committing;

    /** {@code longestHold}: a writer held longer than this fails (rolled back) rather than waiting for ever. */
    GraphWriteGate(Duration longestHold) {
        this.longestHold = longestHold;
    }

    @Override
    public synchronized Object beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService db) throws Exception {
        long deadline = System.nanoTime() + longestHold.toNanos();
        while (closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                // transient: the driver's managed transactions retry it
                throw new TransientTransactionFailureException(Status.Transaction.LockAcquisitionTimeout,
                        "graph writes paused for a backup for longer than " + longestHold.toSeconds() + " s; retry");
            }
            wait(Math.max(1, left / 1_000_000));
        }
        committing++;
        return PASSED;
    }

    @Override
    public void afterCommit(TransactionData data, Object state, GraphDatabaseService db) {
        passedOut(state);
    }

    @Override
    public void afterRollback(TransactionData data, Object state, GraphDatabaseService db) {
        passedOut(state);
    }

    private synchronized void passedOut(Object state) {
        if (state == PASSED && committing > 0) {
            committing--;
            notifyAll();
        }
    }

    /**
     * Closes the gate and waits until the commits already past it have finished; returns false (gate open again) if
     * they did not finish within {@code wait}.
     */
    synchronized boolean close(Duration wait) throws InterruptedException {
        closed = true;
        long deadline = System.nanoTime() + wait.toNanos();
        while (committing > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                open();
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized void open() {
        closed = false;
        notifyAll();
    }
}
