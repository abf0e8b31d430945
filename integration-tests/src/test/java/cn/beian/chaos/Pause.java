package cn.beian.chaos;

/** Thread.sleep without the checked exception (the interrupt flag is kept). */
final class Pause {

    private Pause() {
    }

    static void ms(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
