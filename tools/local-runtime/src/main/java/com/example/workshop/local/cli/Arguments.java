package com.example.workshop.local.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code run <stage> [options]}, {@code invoke <stage> <FunctionLogicalId> [options]},
 * {@code smoke <url> --stage <stage> [--wait <seconds>]}, {@code check <N> [folder]}, or {@code help} (also {@code -h} and {@code --help}
 * anywhere).
 *
 * @param url         the API's base URL (smoke)
 * @param waitSeconds how long smoke waits for stage 4's total to catch up
 * @param folder      the learner's folder (check)
 * @param watch       whether run reloads the functions when the stage's files change
 */
record Arguments(String command, String stage, String functionLogicalId, int port, boolean fresh,
                 int maxEnvironments, Path eventFile, String url, int waitSeconds, String folder, boolean watch) {

    static final int DEFAULT_PORT = 3000;
    static final int DEFAULT_WAIT_SECONDS = 60;
    static final String HELP = "help";

    static Arguments parse(String... args) {
        List<String> positional = new ArrayList<>();
        int port = DEFAULT_PORT;
        boolean fresh = false;
        boolean watch = false;
        int maxEnvironments = com.example.workshop.local.lambda.FunctionPool.DEFAULT_MAX_ENVIRONMENTS;
        Path eventFile = null;
        String stageOption = null;
        int waitSeconds = DEFAULT_WAIT_SECONDS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--stage" -> stageOption = value(args, ++i, "--stage");
                case "--wait" -> waitSeconds = number(args, ++i, "--wait", 1, 900);
                case "--port" -> port = number(args, ++i, "--port", 0, 65535);
                case "--fresh" -> fresh = true;
                case "--watch" -> watch = true;
                case "--max-environments" -> maxEnvironments = number(args, ++i, "--max-environments", 1, 64);
                case "--event", "-e" -> eventFile = Path.of(value(args, ++i, "--event"));
                case "-h", "--help" -> {
                    return help();
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new UsageException("unknown option " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (positional.isEmpty()) {
            throw new UsageException("no command given");
        }
        String command = positional.getFirst();
        if (command.equals(HELP)) {
            return help();
        }
        if (command.equals("smoke")) {
            requireCount(positional, 2);
            if (stageOption == null) {
                throw new UsageException("smoke needs --stage <1-4>: the stage deployed at " + positional.get(1));
            }
            return new Arguments(command, stageOption, null, port, fresh, maxEnvironments, eventFile,
                    positional.get(1), waitSeconds, null, false);
        }
        if (command.equals("check")) {
            if (positional.size() < 2 || positional.size() > 3) {
                throw new UsageException("check takes the stage number and, optionally, your folder: "
                        + "./workshop check 3 [my-workshop]");
            }
            return new Arguments(command, positional.get(1), null, port, fresh, maxEnvironments, eventFile, null,
                    waitSeconds, positional.size() == 3 ? positional.get(2) : CheckCommand.DEFAULT_FOLDER, false);
        }
        if (stageOption != null) {
            throw new UsageException("--stage is an option of smoke; " + command + " takes the stage as its argument");
        }
        if (watch && !command.equals("run")) {
            throw new UsageException("--watch is an option of run");
        }
        requireCount(positional, switch (command) {
            case "run" -> 2;
            case "invoke" -> 3;
            default -> throw new UsageException("unknown command '" + command + "'");
        });
        return new Arguments(command, positional.get(1), positional.size() == 3 ? positional.get(2) : null, port, fresh,
                maxEnvironments, eventFile, null, waitSeconds, null, watch);
    }

    private static void requireCount(List<String> positional, int expected) {
        if (positional.size() != expected) {
            String command = positional.getFirst();
            throw new UsageException(command + " takes " + (expected - 1) + " argument(s), got " + (positional.size() - 1)
                    + ": " + positional.subList(1, positional.size()));
        }
    }

    private static Arguments help() {
        return new Arguments(HELP, null, null, DEFAULT_PORT, false, 1, null, null, DEFAULT_WAIT_SECONDS, null, false);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String[] args, int index, String option, int min, int max) {
        String value = value(args, index, option);
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new UsageException(option + " must be between " + min + " and " + max + ", got " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number, got '" + value + "'");
        }
    }
}
