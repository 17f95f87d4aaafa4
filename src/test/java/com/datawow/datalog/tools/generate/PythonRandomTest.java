package com.datawow.datalog.tools.generate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden values printed by CPython 3.11's {@code random} module (commands in each comment). */
class PythonRandomTest {

    @Test
    void seedZeroGivesCpythonsFirstValues() {
        // python3 -c "import random; random.seed(0); print([repr(random.random()) for _ in range(3)])"
        PythonRandom random = PythonRandom.seeded(0);
        assertThat(random.random()).isEqualTo(0.8444218515250481);
        assertThat(random.random()).isEqualTo(0.7579544029403025);
        assertThat(random.random()).isEqualTo(0.420571580830845);
    }

    @Test
    void staysInStepAcrossManyTwists() {
        // random.seed(0); [random.random() for _ in range(10000)]; print(repr(random.random()))
        PythonRandom random = PythonRandom.seeded(0);
        random.skipRandoms(10_000);
        assertThat(random.random()).isEqualTo(0.8134267156709766);
    }

    @Test
    void seedsWiderThan32BitsUseEveryWordOfTheInt() {
        // random.seed(12345678901); print(repr(random.random()))
        assertThat(PythonRandom.seeded(12_345_678_901L).random()).isEqualTo(0.9460118159397316);
    }

    @Test
    void choicesPickLikeCpythonsUnweightedChoices() {
        // random.seed(0); print(random.choices(list(string.ascii_lowercase), k=8))
        List<Character> letters = IntStream.rangeClosed('a', 'z').mapToObj(c -> (char) c).toList();
        assertThat(PythonRandom.seeded(0).choices(letters, 8)).containsExactly('v', 't', 'k', 'g', 'n', 'k', 'u', 'h');

        // random.seed(0); print([random.choices(range(5,30))[0] for _ in range(3)])
        PythonRandom random = PythonRandom.seeded(0);
        List<Integer> fiveToTwentyNine = IntStream.range(5, 30).boxed().toList();
        assertThat(List.of(random.choices(fiveToTwentyNine, 1).getFirst(), random.choices(fiveToTwentyNine, 1).getFirst(),
                random.choices(fiveToTwentyNine, 1).getFirst())).containsExactly(26, 23, 15);
    }
}
