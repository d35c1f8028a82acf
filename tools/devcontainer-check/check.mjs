// Checks .devcontainer/devcontainer.json and what the Dev Containers CLI read from it (see ./check).
// Arguments: the workspace folder, the CLI's read-configuration output, the CLI's version.
import { readFileSync, accessSync, constants } from "node:fs";
import { isDeepStrictEqual } from "node:util";

const [workspace, readOutput, cliVersion] = process.argv.slice(2);
const file = `${workspace}/.devcontainer/devcontainer.json`;
const problems = [];

// The properties of devcontainer.json (containers.dev/implementors/json_reference) this check lets through.
const KNOWN = new Set(["$schema", "name", "image", "build", "dockerFile", "context", "features",
  "overrideFeatureInstallOrder", "forwardPorts", "portsAttributes", "otherPortsAttributes", "appPort",
  "containerEnv", "remoteEnv", "containerUser", "remoteUser", "updateRemoteUserUID", "userEnvProbe", "mounts",
  "workspaceFolder", "workspaceMount", "runArgs", "shutdownAction", "init", "privileged", "capAdd", "securityOpt",
  "initializeCommand", "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand",
  "postAttachCommand", "waitFor", "hostRequirements", "customizations", "secrets"]);

// The CLI reads broken JSON without a word (it drops what it cannot parse): the file must parse strictly too.
let written;
try {
  written = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.error(`devcontainer-check: ${file} is not plain JSON: ${error.message}`);
  process.exit(1);
}
const read = JSON.parse(readFileSync(readOutput, "utf8"));
const { configFilePath, ...configuration } = read.configuration;
if (!isDeepStrictEqual(configuration, written)) {
  problems.push("the Dev Containers CLI read something else than the file holds");
}

for (const key of Object.keys(written)) {
  if (!KNOWN.has(key)) problems.push(`unknown property "${key}"`);
}

const feature = id => Object.entries(written.features ?? {}).find(([name]) => name.split(":")[0] === id)?.[1];
const expect = (condition, promise) => { if (!condition) problems.push(`it must give ${promise}`); };
const java = feature("ghcr.io/devcontainers/features/java");
expect(typeof written.image === "string" && written.image.length > 0, "an image");
expect(java?.version === "21" && java?.installMaven === true, "JDK 21 and Maven (java feature: version 21, installMaven)");
expect(feature("ghcr.io/devcontainers/features/node")?.version === "20", "Node.js 20 (node feature: version 20)");
expect(feature("ghcr.io/devcontainers/features/aws-cli") !== undefined, "the AWS CLI (aws-cli feature)");
expect((feature("ghcr.io/devcontainers/features/python")?.toolsToInstall ?? "").split(",").includes("aws-sam-cli"),
  "the SAM CLI (python feature: toolsToInstall aws-sam-cli)");
expect(written.postCreateCommand === "./workshop setup", "postCreateCommand ./workshop setup");
expect((written.forwardPorts ?? []).includes(3000), "port 3000 forwarded (./workshop run serves there)");
try {
  accessSync(`${workspace}/workshop`, constants.X_OK);
} catch {
  problems.push("its postCreateCommand needs an executable ./workshop in the workspace");
}

if (problems.length > 0) {
  problems.forEach(problem => console.error(`devcontainer-check: ${file}: ${problem}`));
  process.exit(1);
}
console.log(`devcontainer.json: read by the Dev Containers CLI ${cliVersion} (workspace ${read.workspace.workspaceFolder}):`
  + ` ${written.image} with ${Object.keys(written.features).length} features, then ${written.postCreateCommand},`
  + ` port ${written.forwardPorts.join(", ")}`);
