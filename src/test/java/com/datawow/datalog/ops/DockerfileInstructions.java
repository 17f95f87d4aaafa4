package com.datawow.datalog.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read as its instructions (continuation lines joined, comments dropped), each
 * with the build stage it belongs to. Enough of the format for tests; not a full parser.
 */
record DockerfileInstructions(List<Instruction> all) {

    /** One instruction: its keyword (upper case), its arguments as written, and its stage (0-based). */
    record Instruction(String keyword, String arguments, int stage, String stageName) {

        /** The arguments of an exec-form (JSON array) instruction such as ENTRYPOINT [...]. */
        List<String> execForm() {
            String trimmed = arguments.strip();
            if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
                throw new IllegalStateException(keyword + " is not in exec form: " + arguments);
            }
            List<String> items = new ArrayList<>();
            for (String item : trimmed.substring(1, trimmed.length() - 1).split(",")) {
                String quoted = item.strip();
                items.add(quoted.substring(1, quoted.length() - 1));
            }
            return items;
        }

        /** The arguments split on white space. */
        List<String> words() {
            return Arrays.asList(arguments.strip().split("\\s+"));
        }
    }

    static DockerfileInstructions read(Path dockerfile) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder logicalLine = new StringBuilder();
        int stage = -1;
        String stageName = "";
        for (String line : Files.readAllLines(dockerfile)) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && logicalLine.isEmpty())) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                logicalLine.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            logicalLine.append(stripped);
            String[] parts = logicalLine.toString().strip().split("\\s+", 2);
            logicalLine.setLength(0);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1] : "";
            if (keyword.equals("FROM")) {
                stage++;
                String[] from = arguments.split("\\s+");
                stageName = from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : "";
            }
            instructions.add(new Instruction(keyword, arguments, stage, stageName));
        }
        return new DockerfileInstructions(instructions);
    }

    List<Instruction> withKeyword(String keyword) {
        return all.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
    }

    int finalStage() {
        return all.stream().mapToInt(Instruction::stage).max().orElse(-1);
    }

    /** The last instruction of this keyword in the final (run) stage: the one in effect there. */
    Instruction inFinalStage(String keyword) {
        List<Instruction> matching = withKeyword(keyword).stream()
                .filter(instruction -> instruction.stage() == finalStage()).toList();
        if (matching.isEmpty()) {
            throw new AssertionError("The final stage has no " + keyword);
        }
        return matching.get(matching.size() - 1);
    }
}
