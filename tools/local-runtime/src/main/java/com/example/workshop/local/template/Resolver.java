package com.example.workshop.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolves a template's intrinsics with what the deployment knows. */
public final class Resolver {

    private final StackFacts facts;

    public Resolver(StackFacts facts) {
        this.facts = facts;
    }

    /** The value with every intrinsic in it (at any depth) replaced by its string. */
    public Object resolve(Object value) {
        return switch (value) {
            case Intrinsic intrinsic -> resolveIntrinsic(intrinsic);
            case Map<?, ?> map -> {
                Map<String, Object> resolved = new LinkedHashMap<>();
                map.forEach((key, item) -> resolved.put(String.valueOf(key), resolve(item)));
                yield resolved;
            }
            case List<?> list -> list.stream().map(this::resolve).toList();
            case null -> null;
            default -> value;
        };
    }

    public String resolveString(Object value) {
        return String.valueOf(resolve(value));
    }

    /** The function's environment variables as Lambda would set them. */
    public Map<String, String> environment(FunctionResource function) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> environment.put(name, resolveString(value)));
        return environment;
    }

    /** The function's execution role policy, with every resource resolved to an ARN (pattern). */
    public ResolvedPolicy policy(FunctionResource function) {
        List<ResolvedPolicy.Statement> statements = new ArrayList<>();
        for (PolicyStatement statement : function.policies()) {
            List<String> resources = statement.resources().stream().map(this::resolveString).toList();
            statements.add(new ResolvedPolicy.Statement(statement.sid(), statement.effect(), statement.actions(), resources));
        }
        return new ResolvedPolicy(statements);
    }

    /** Every output's value, by output name. */
    public Map<String, String> outputs(SamTemplate template) {
        Map<String, String> outputs = new LinkedHashMap<>();
        template.outputs().forEach((name, output) -> outputs.put(name, resolveString(output.value())));
        return outputs;
    }

    private String resolveIntrinsic(Intrinsic intrinsic) {
        return switch (intrinsic) {
            case Ref ref -> ref(ref.name());
            case GetAtt getAtt -> getAtt(getAtt.logicalId(), getAtt.attribute());
            case Sub sub -> sub.substitute(name -> {
                if (sub.variables().containsKey(name)) {
                    return resolveString(sub.variables().get(name));
                }
                int dot = name.indexOf('.');
                return dot > 0 && !Intrinsics.PSEUDO_PARAMETERS.contains(name)
                        ? getAtt(name.substring(0, dot), name.substring(dot + 1))
                        : ref(name);
            });
        };
    }

    private String ref(String name) {
        return switch (name) {
            case "AWS::Region" -> facts.region();
            case "AWS::AccountId" -> facts.accountId();
            case "AWS::StackName" -> facts.stackName();
            case "AWS::Partition" -> facts.partition();
            case Intrinsics.IMPLICIT_API -> facts.restApiId();
            default -> facts.tables().containsKey(name) ? facts.table(name).name() : facts.functionName(name);
        };
    }

    private String getAtt(String logicalId, String attribute) {
        if (!facts.tables().containsKey(logicalId)) {
            return "arn:" + facts.partition() + ":lambda:" + facts.region() + ":" + facts.accountId()
                    + ":function:" + facts.functionName(logicalId);
        }
        DeployedTable table = facts.table(logicalId);
        return attribute.equals("StreamArn") ? table.streamArn() : table.arn();
    }
}
