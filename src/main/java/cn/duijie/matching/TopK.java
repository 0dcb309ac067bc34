package cn.duijie.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best {@code k} of a stream of candidates by an order (better is greater), kept in a bounded heap with the worst
 * on top: a candidate goes in only when there is room or it beats the worst. What every matcher cuts its list with.
 */
final class TopK<T> {

    private final int k;
    private final Comparator<T> order;
    private final PriorityQueue<T> heap;

    /** {@code order}: greater is better (ties must be broken, so the cut does not depend on arrival order). */
    TopK(int k, Comparator<T> order) {
        this.k = k;
        this.order = order;
        this.heap = new PriorityQueue<>(Math.max(1, k + 1), order);
    }

    void offer(T candidate) {
        if (heap.size() < k) {
            heap.add(candidate);
        } else if (k > 0 && order.compare(candidate, heap.peek()) > 0) {
            heap.poll();
            heap.add(candidate);
        }
    }

    /** Whether {@code k} candidates are kept (a new one must beat {@link #worst}). */
    boolean full() {
        return heap.size() >= k;
    }

    /** The worst kept candidate, or null when none is. */
    T worst() {
        return heap.peek();
    }

    /** The kept candidates, in no particular order. */
    List<T> kept() {
        return new ArrayList<>(heap);
    }
}
