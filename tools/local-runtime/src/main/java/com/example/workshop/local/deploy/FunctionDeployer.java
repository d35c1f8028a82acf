package com.example.workshop.local.deploy;

import com.example.workshop.local.dynamodb.SdkClients;
import com.example.workshop.local.iam.DynamoDbIamProxy;
import com.example.workshop.local.iam.FunctionIdentity;
import com.example.workshop.local.lambda.FunctionConfig;
import com.example.workshop.local.lambda.FunctionLog;
import com.example.workshop.local.lambda.FunctionPool;
import com.example.workshop.local.lambda.StackTraceFiles;
import com.example.workshop.local.template.FunctionResource;
import com.example.workshop.local.template.Resolver;
import com.example.workshop.local.template.SamTemplate;
import com.example.workshop.local.template.StackFacts;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Deploys a template's functions, each behind the IAM proxy with its own identity, on a built task root. */
final class FunctionDeployer {

    private final DynamoDbIamProxy iam;
    private final StackTraceFiles stackTraces;
    private final LocalDeployment.Options options;

    FunctionDeployer(DynamoDbIamProxy iam, StackTraceFiles stackTraces, LocalDeployment.Options options) {
        this.iam = iam;
        this.stackTraces = stackTraces;
        this.options = options;
    }

    /**
     * @param classDataArchive whether the functions' environments use a class-data archive: a reload's builds do
     *                         not, as each would make a new one (see {@code ClassDataArchive})
     */
    Functions deploy(SamTemplate template, StackFacts facts, Path taskRoot, boolean classDataArchive) {
        Map<String, FunctionPool> pools = new LinkedHashMap<>();
        for (FunctionResource function : template.functions().values()) {
            pools.put(function.logicalId(), pool(function, facts, taskRoot, classDataArchive));
        }
        return new Functions(pools);
    }

    private FunctionPool pool(FunctionResource function, StackFacts facts, Path taskRoot, boolean classDataArchive) {
        FunctionIdentity identity = FunctionIdentity.of(function, facts);
        iam.register(identity);
        Map<String, String> environment = new HashMap<>(new Resolver(facts).environment(function));
        environment.putAll(iam.environmentFor(identity));
        environment.put("AWS_SESSION_TOKEN", "local-session-" + function.logicalId());
        FunctionConfig config = new FunctionConfig(facts.functionName(function.logicalId()), function.handler(),
                taskRoot, environment, SdkClients.REGION.id(), function.memorySize(), function.timeout());
        String logicalId = function.logicalId();
        FunctionLog log = (name, line) -> options.functionLog().line(logicalId, line);
        return new FunctionPool(config, options.maxEnvironmentsPerFunction(), log, stackTraces.of(logicalId),
                classDataArchive);
    }
}
