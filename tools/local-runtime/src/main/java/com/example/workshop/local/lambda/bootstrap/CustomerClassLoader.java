package com.example.workshop.local.lambda.bootstrap;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads the function's code as Lambda does: the task root, then its lib/*.jar and /opt/java/lib/*.jar (layers),
 * each folder's jars in name order, with the runtime's own classes (aws-lambda-java-core) taking precedence.
 */
final class CustomerClassLoader {

    private static final String LAYERS = "/opt/java";

    private CustomerClassLoader() {
    }

    static URLClassLoader forTaskRoot(String taskRoot) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        urls.add(new File(taskRoot + "/").toURI().toURL());
        addJars(new File(taskRoot, "lib"), urls);
        addJars(new File(LAYERS, "lib"), urls);
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getSystemClassLoader());
    }

    private static void addJars(File folder, List<URL> urls) throws MalformedURLException {
        String[] jars = folder.list((dir, name) -> name.length() > 4 && name.endsWith(".jar"));
        if (jars == null) {
            return;
        }
        Arrays.sort(jars);
        for (String jar : jars) {
            urls.add(new File(folder, jar).toURI().toURL());
        }
    }
}
