package com.datawow.datalog.tools.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * An exact port of the parts of CPython's {@code random} module that sampledata.py uses, so
 * that {@code random.seed(0)} gives the same stream here: the MT19937 generator seeded from an
 * int the way CPython seeds it ({@code init_by_array} over the int's 32-bit words), its
 * 53-bit {@code random()}, and {@code choices(population, k)} without weights.
 *
 * <p>Not {@code random.choice}: CPython's {@code choice} draws through {@code getrandbits} and
 * gives different values; sampledata.py only calls {@code choices}. Not thread-safe.
 */
public final class PythonRandom {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index = N;

    private PythonRandom(int[] key) {
        initByArray(key);
    }

    /** {@code random.seed(seed)} for an int seed, as CPython does it (the sign is dropped). */
    public static PythonRandom seeded(long seed) {
        long magnitude = Math.abs(seed);
        // CPython splits abs(seed) into 32-bit words, least significant first; 0 gives the key [0]
        int[] key = (magnitude >>> 32) == 0
                ? new int[] {(int) magnitude}
                : new int[] {(int) magnitude, (int) (magnitude >>> 32)};
        return new PythonRandom(key);
    }

    /** {@code random.random()}: a double in [0, 1) from two 32-bit outputs, 53 bits of it. */
    public double random() {
        long a = Integer.toUnsignedLong(nextInt32()) >>> 5;
        long b = Integer.toUnsignedLong(nextInt32()) >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** The index one draw of {@code random.choices(population)} picks: {@code floor(random() * n)}. */
    public int choiceIndex(int populationSize) {
        return (int) (random() * populationSize);
    }

    /** {@code random.choices(population, k=k)}: k independent picks with replacement. */
    public <T> List<T> choices(List<T> population, int k) {
        List<T> picked = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            picked.add(population.get(choiceIndex(population.size())));
        }
        return picked;
    }

    /** Draws and drops {@code count} values of {@link #random()}, to fast-forward the stream. */
    public void skipRandoms(long count) {
        for (long i = 0; i < count; i++) {
            nextInt32();
            nextInt32();
        }
    }

    private int nextInt32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        int kk = 0;
        for (; kk < N - M; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
        index = 0;
    }

    private void initGenrand(int seed) {
        mt[0] = seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = UPPER_MASK; // CPython: "MSB is 1; assuring non-zero initial array"
    }
}
