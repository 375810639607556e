package dev.sentlog.core.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A cooperative scheduler for the log's concurrency checks: of the threads it runs, exactly one
 * runs at a time, and at every store-call boundary ({@link HookedStore.Hook}) the running thread,
 * with a seeded random chance, hands the turn to another thread picked by the same random. A low
 * chance lets one thread run a long operation through while another is paused in the middle of
 * its own (the interleavings races need); a high chance interleaves finely. So one seed is one
 * interleaving at store-call granularity, replayable, and no sleep decides anything.
 *
 * <p>No turn is handed over while the thread is inside one of the log's own short critical
 * sections that call the store (storing a job, holding early reports): another thread could not
 * enter them and the turn would never come back.
 */
final class Turns implements HookedStore.Hook {

    private static final double[] SWITCH_CHANCES = {0.5, 0.25, 0.1, 0.04};

    private final Random random;
    private final double switchChance;
    private final List<Thread> live = new ArrayList<>();
    private Thread current;

    Turns(long seed) {
        this.random = new Random(seed);
        this.switchChance = SWITCH_CHANCES[random.nextInt(SWITCH_CHANCES.length)];
    }

    /**
     * Runs the bodies on their own threads, one turn at a time, and waits for all of them.
     *
     * @throws AssertionError when a thread is still running after ten seconds (a lost turn)
     */
    void run(List<Runnable> bodies) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (Runnable body : bodies) {
            threads.add(new Thread(() -> {
                waitTurn();
                try {
                    body.run();
                } finally {
                    finish();
                }
            }));
        }
        synchronized (this) {
            live.addAll(threads);
            current = live.get(random.nextInt(live.size()));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(10_000);
            if (t.isAlive()) {
                throw new AssertionError("a scenario thread did not finish: a turn was lost");
            }
        }
    }

    @Override
    public void at(String point) {
        synchronized (this) {
            if (!live.contains(Thread.currentThread())) {
                return;
            }
        }
        if (insideCriticalSection()) {
            return;
        }
        handOver();
    }

    private static boolean insideCriticalSection() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f ->
                f.getClassName().equals(EarlyReports.class.getName())
                        || f.getClassName().equals(HandOver.class.getName())
                        && f.getMethodName().equals("storeJob")));
    }

    private synchronized void handOver() {
        if (live.size() < 2 || random.nextDouble() >= switchChance) {
            return;
        }
        List<Thread> others = new ArrayList<>(live);
        others.remove(Thread.currentThread());
        current = others.get(random.nextInt(others.size()));
        notifyAll();
        waitTurn();
    }

    private synchronized void waitTurn() {
        while (current != Thread.currentThread()) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a turn", e);
            }
        }
    }

    private synchronized void finish() {
        live.remove(Thread.currentThread());
        if (!live.isEmpty()) {
            current = live.get(random.nextInt(live.size()));
        }
        notifyAll();
    }
}
