package com.example.workshop.local.lambda.bootstrap;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.Properties;

/**
 * The function JVM's main class: {@code java ... PortableBootstrap <handler>}, with AWS_LAMBDA_RUNTIME_API and the
 * function's variables in the environment and the task root as working directory. Loads the handler (an error there
 * is reported to /runtime/init/error and ends the JVM), then serves invocations until the Runtime API goes away.
 */
public final class PortableBootstrap {

    static {
        // As the runtime interface client's AWSLambda class does before anything else runs.
        Security.setProperty("jdk.tls.disabledAlgorithms",
                "SSLv3, RC4, MD5withRSA, DH keySize < 1024, EC keySize < 224, DES40_CBC, RC4_40, 3DES_EDE_CBC");
        File systemCacerts = new File("/etc/pki/java/cacerts");
        if (System.getProperty("javax.net.ssl.trustStore") == null && systemCacerts.isFile()) {
            System.setProperty("javax.net.ssl.trustStore", systemCacerts.getPath());
        }
        if (!securityPropertiesSetNegativeTtl()) {
            String ttl = System.getenv("AWS_LAMBDA_JAVA_NETWORKADDRESS_CACHE_NEGATIVE_TTL");
            Security.setProperty("networkaddress.cache.negative.ttl", ttl == null ? "1" : ttl);
        }
    }

    private PortableBootstrap() {
    }

    public static void main(String[] args) throws IOException {
        FunctionEnvironment function = FunctionEnvironment.fromEnvironment();
        RuntimeApiClient runtimeApi = new RuntimeApiClient(function.runtimeApi());
        System.setOut(new PrintStream(new UnclosableStream(System.out), false, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new UnclosableStream(System.err), false, StandardCharsets.UTF_8));
        TextLambdaLogger logger = TextLambdaLogger.install(function.logLevel());
        ClassLoader customerClasses = CustomerClassLoader.forTaskRoot(System.getProperty("user.dir"));
        Thread.currentThread().setContextClassLoader(customerClasses);
        EventHandler handler;
        try {
            handler = HandlerLoader.load(args[0], customerClasses);
        } catch (HandlerFault fault) {
            logger.log(fault.reportableError());
            runtimeApi.reportInitError(ErrorReport.of(fault));
            System.exit(1);
            return;
        }
        new RuntimeLoop(runtimeApi, handler, function, logger).run();
    }

    private static boolean securityPropertiesSetNegativeTtl() {
        String file = System.getProperty("java.security.properties");
        if (file == null) {
            return false;
        }
        try (FileInputStream input = new FileInputStream(file)) {
            Properties properties = new Properties();
            properties.load(input);
            return properties.containsKey("networkaddress.cache.negative.ttl");
        } catch (IOException e) {
            return false;
        }
    }
}
