package com.datawow.datalog.db;

import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;

/** The Spring transaction policies the routes name in {@code transacted(...)}, over one DataSource. */
public final class Transactions {

    public static final String REQUIRED = "PROPAGATION_REQUIRED";
    public static final String REQUIRES_NEW = "PROPAGATION_REQUIRES_NEW";

    private final DataSourceTransactionManager manager;

    public Transactions(DataSource dataSource) {
        this.manager = new DataSourceTransactionManager(dataSource);
    }

    public SpringTransactionPolicy policy(String propagation) {
        SpringTransactionPolicy policy = new SpringTransactionPolicy(manager);
        policy.setPropagationBehaviorName(propagation);
        return policy;
    }
}
