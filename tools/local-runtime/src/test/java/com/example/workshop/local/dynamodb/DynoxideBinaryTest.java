package com.example.workshop.local.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which dynoxide binary the runtime starts, on each platform dynoxide publishes a package for. */
class DynoxideBinaryTest {

    @Test
    void javasPlatformNamesMapToDynoxidesPackages() {
        assertEquals("darwin-arm64", DynoxidePlatform.of("Mac OS X", "aarch64").name());
        assertEquals("darwin-x64", DynoxidePlatform.of("Mac OS X", "x86_64").name());
        assertEquals("linux-x64", DynoxidePlatform.of("Linux", "amd64").name());
        assertEquals("linux-arm64", DynoxidePlatform.of("Linux", "aarch64").name());
        assertEquals("win32-x64", DynoxidePlatform.of("Windows 11", "amd64").name());
        assertEquals("dynoxide.exe", DynoxidePlatform.of("Windows 11", "amd64").binaryName());
    }

    @Test
    void thePlatformsOwnPackageIsStartedFromAnyFolderBelowTheRoot(@TempDir Path root) throws IOException {
        installed(root, "linux-x64", "dynoxide");
        Path mac = installed(root, "darwin-arm64", "dynoxide");
        Path below = Files.createDirectories(root.resolve("module-1-hello/target"));

        assertEquals(mac, DynoxideBinary.locate(Map.of("WORKSHOP_PLATFORM", "darwin-arm64"), below));
    }

    @Test
    void windowsBinaryHasItsExeSuffix(@TempDir Path root) throws IOException {
        Path windows = installed(root, "win32-x64", "dynoxide.exe");

        assertEquals(windows, DynoxideBinary.locate(Map.of("WORKSHOP_PLATFORM", "win32-x64"), root));
    }

    @Test
    void anX64JvmOnAppleSiliconStartsTheArm64Package(@TempDir Path root) throws IOException {
        Path arm = installed(root, "darwin-arm64", "dynoxide");

        assertEquals(arm, DynoxideBinary.locate(Map.of("WORKSHOP_PLATFORM", "darwin-x64"), root));
    }

    @Test
    void anotherPlatformsPackageIsNotTakenForThisOne(@TempDir Path root) throws IOException {
        installed(root, "linux-x64", "dynoxide");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> DynoxideBinary.locate(Map.of("WORKSHOP_PLATFORM", "linux-arm64", "PATH", ""), root));

        assertEquals("dynoxide (the local DynamoDB engine) is not installed for linux-arm64: run `./workshop setup`, "
                + "or set DYNOXIDE_BIN to its path, or WORKSHOP_DYNAMODB_ENDPOINT to a DynamoDB endpoint you run yourself",
                error.getMessage());
    }

    @Test
    void missingDynoxideTellsHowToInstallIt(@TempDir Path elsewhere) {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> DynoxideBinary.locate(Map.of("PATH", elsewhere.toString()), elsewhere));

        String platform = DynoxidePlatform.current(null).name();
        assertEquals("dynoxide (the local DynamoDB engine) is not installed for " + platform + ": run `./workshop setup`, "
                + "or set DYNOXIDE_BIN to its path, or WORKSHOP_DYNAMODB_ENDPOINT to a DynamoDB endpoint you run yourself",
                error.getMessage());
    }

    @Test
    void aPlatformWithoutAPackageIsToldToUseAnotherEndpoint(@TempDir Path elsewhere) {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> DynoxideBinary.locate(Map.of("WORKSHOP_PLATFORM", "freebsd-x64", "PATH", ""), elsewhere));

        assertEquals("dynoxide (the local DynamoDB engine) has no package for freebsd-x64: set WORKSHOP_DYNAMODB_ENDPOINT "
                + "to a DynamoDB endpoint you run yourself, or DYNOXIDE_BIN to a dynoxide you built", error.getMessage());
    }

    private static Path installed(Path root, String platform, String binaryName) throws IOException {
        Path binary = root.resolve(DynoxideBinary.PACKAGES).resolve(platform).resolve(binaryName);
        Files.createDirectories(binary.getParent());
        Files.createFile(binary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        return binary;
    }
}
