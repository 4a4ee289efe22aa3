/** The machine both fixture test files run: each takes one Choice rule. */
export const definition = {
  StartAt: "Pick",
  States: {
    Pick: {
      Type: "Choice",
      Choices: [
        { Variable: "$.side", StringEquals: "left", Next: "Left" },
        { Variable: "$.side", StringEquals: "right", Next: "Right" },
      ],
      Default: "Neither",
    },
    Left: { Type: "Pass", Next: "Done" },
    Right: { Type: "Pass", Next: "Done" },
    Neither: { Type: "Fail", Error: "NoSide" },
    Done: { Type: "Succeed" },
  },
};
