// CDK app entry: `cdk synth --app "node --import tsx cdk/app.ts"` (see cdk.json).
import { App } from "aws-cdk-lib";
import { createStack } from "./stack.ts";

const app = new App();
createStack(app);
app.synth();
