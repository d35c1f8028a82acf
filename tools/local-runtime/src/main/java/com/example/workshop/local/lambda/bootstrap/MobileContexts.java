package com.example.workshop.local.lambda.bootstrap;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.serialization.factories.GsonFactory;

import java.util.Map;

/**
 * The Lambda-Runtime-Client-Context and Lambda-Runtime-Cognito-Identity headers (set for invocations from the AWS
 * Mobile SDK), read with Gson into classes whose fields are the headers' JSON names, as the runtime interface client
 * reads them.
 */
final class MobileContexts {

    private MobileContexts() {
    }

    static ClientContext clientContext(String json) {
        return json == null ? null : GsonFactory.getInstance().getSerializer(JsonClientContext.class).fromJson(json);
    }

    static CognitoIdentity cognitoIdentity(String json) {
        return json == null ? null : GsonFactory.getInstance().getSerializer(JsonCognitoIdentity.class).fromJson(json);
    }

    @SuppressWarnings("unused")
    private static final class JsonClientContext implements ClientContext {
        private JsonClient client;
        private Map<String, String> custom;
        private Map<String, String> env;

        @Override
        public Client getClient() {
            return client;
        }

        @Override
        public Map<String, String> getCustom() {
            return custom;
        }

        @Override
        public Map<String, String> getEnvironment() {
            return env;
        }
    }

    @SuppressWarnings("unused")
    private static final class JsonClient implements Client {
        private String installation_id;
        private String app_title;
        private String app_version_name;
        private String app_version_code;
        private String app_package_name;

        @Override
        public String getInstallationId() {
            return installation_id;
        }

        @Override
        public String getAppTitle() {
            return app_title;
        }

        @Override
        public String getAppVersionName() {
            return app_version_name;
        }

        @Override
        public String getAppVersionCode() {
            return app_version_code;
        }

        @Override
        public String getAppPackageName() {
            return app_package_name;
        }
    }

    @SuppressWarnings("unused")
    private static final class JsonCognitoIdentity implements CognitoIdentity {
        private String cognitoIdentityId;
        private String cognitoIdentityPoolId;

        @Override
        public String getIdentityId() {
            return cognitoIdentityId;
        }

        @Override
        public String getIdentityPoolId() {
            return cognitoIdentityPoolId;
        }
    }
}
