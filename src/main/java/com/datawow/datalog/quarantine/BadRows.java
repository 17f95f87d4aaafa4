package com.datawow.datalog.quarantine;

import com.datawow.datalog.failure.BadInputException;

import java.util.function.Supplier;

/**
 * What becomes of a row that breaks a rule, told by whoever checks the rule (the reader, the
 * dimension lookup, the search for rows PostgreSQL refuses). In reject-file mode, the default,
 * the first such row rejects the whole file; in quarantine mode ({@link FileQuarantine}) the row is
 * set aside and the caller leaves it out of what it passes on.
 */
public interface BadRows {

    /** The default: a bad row rejects its file. */
    BadRows REJECT_FILE = new BadRows() {
        @Override
        public void found(RejectedRow row, Supplier<? extends BadInputException> rejection) {
            throw rejection.get();
        }

        @Override
        public boolean setsRowsAside() {
            return false;
        }
    };

    /**
     * A row breaks a rule. Returns normally when the row is set aside; throws when the file is to
     * be rejected instead.
     *
     * @param rejection the file's rejection in reject-file mode (made only then)
     * @throws BadInputException in reject-file mode, or when the file has more bad rows than it may
     */
    void found(RejectedRow row, Supplier<? extends BadInputException> rejection);

    /**
     * Whether bad rows are set aside. If so, a checker also looks for what PostgreSQL would refuse
     * and Java can recognise (a NUL character), so that such rows never reach a write; in
     * reject-file mode PostgreSQL's own refusal rejects the file, at no cost to good files.
     */
    boolean setsRowsAside();
}
