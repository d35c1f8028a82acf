package com.example.workshop.local.iam;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a DynamoDB call may go through: finds the calling function by the access key id in the
 * SigV4 {@code Authorization} header and evaluates its policy for every permission the call needs.
 */
final class CallAuthorizer {

    private static final Logger LOG = System.getLogger(CallAuthorizer.class.getName());
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");
    private static final String ACCOUNT_WHEN_UNKNOWN = "000000000000";

    private final Map<String, FunctionIdentity> identities = new ConcurrentHashMap<>();
    private final TableArns tables;
    private final ConcurrentLinkedQueue<AuthorizedCall> calls = new ConcurrentLinkedQueue<>();

    CallAuthorizer(TableArns tables) {
        this.tables = tables;
    }

    void register(FunctionIdentity identity) {
        identities.put(identity.accessKeyId(), identity);
    }

    /** Empty when the call may go to DynamoDB, else the error to answer instead. */
    Optional<DynamoDbError> check(DynamoDbRequest request) {
        String operation = request.operation();
        if (request.authorization().isEmpty()) {
            LOG.log(Level.WARNING, "DENIED unsigned DynamoDB request ({0})", operation);
            return Optional.of(DynamoDbError.missingAuthenticationToken());
        }
        String accessKeyId = accessKeyId(request.authorization().get());
        FunctionIdentity caller = identities.get(accessKeyId);
        if (caller == null) {
            LOG.log(Level.WARNING, "DENIED DynamoDB request ({0}) signed with unknown access key id \"{1}\": "
                    + "only this stage''s functions, with the keys the local runtime gives them, may call DynamoDB here",
                    operation, accessKeyId);
            return Optional.of(DynamoDbError.unrecognizedClient());
        }
        for (RequestedAccess access : RequestedAccess.of(operation, request.json(), tables)) {
            boolean allowed = caller.policy().allows(access.action(), access.resource());
            calls.add(new AuthorizedCall(caller.functionLogicalId(), access.action(), access.resource(), allowed));
            if (!allowed) {
                return Optional.of(deny(caller, access));
            }
        }
        return Optional.empty();
    }

    /** Every permission the functions' calls needed so far, in the order they were asked. */
    List<AuthorizedCall> calls() {
        return List.copyOf(calls);
    }

    private DynamoDbError deny(FunctionIdentity caller, RequestedAccess access) {
        boolean explicit = caller.policy().explicitlyDenies(access.action(), access.resource());
        LOG.log(Level.WARNING, "ACCESS DENIED: function {0} ({1}) called {2} on {3}: {4}. "
                        + "On AWS this call fails the same way; add the permission to the function''s Policies in template.yaml.",
                caller.functionLogicalId(), caller.functionName(), access.action(), access.resource(),
                explicit ? "a Deny statement of its Policies matches" : "no statement of its Policies allows it");
        return DynamoDbError.accessDenied(caller.roleSessionArn(accountOf(access.resource())), access, explicit);
    }

    private static String accessKeyId(String authorization) {
        Matcher credential = CREDENTIAL.matcher(authorization);
        return credential.find() ? credential.group(1) : "";
    }

    private static String accountOf(String arn) {
        String[] fields = arn.split(":", 6);
        return fields.length == 6 && !fields[4].isEmpty() ? fields[4] : ACCOUNT_WHEN_UNKNOWN;
    }
}
