// Expressions for the fast path's tests: the everyday shapes, their edge cases, what stays outside
// the subset, and the distinct JSONata expressions of the real-world corpus and the conformance
// cases (testdata/) that the fast path compiles, copied here so these unit tests need no file reads.

/** Expressions the fast path must answer exactly like JSONata (or hand back to it). */
export const SAMPLE_EXPRESSIONS: readonly string[] = [
  // literals and paths
  "1", "-1.5", "'s'", "true", "false", "null", "$states", "$states.input", "$states.input.name", "$states.input.age",
  "$states.input.missing", "$states.input.missing.deeper", "$states.input.s.x", "$states.input.nil.x", "$states.input.t.x",
  "$states.input.obj.c.d", "$states.input.obj.b", "$states.input.list", "$states.input.one", "$states.input.none",
  "$states.input.nested", "$states.input.objects", "$states.input.objects.a", "$states.input.list.x", "$states.input.`a b`",
  "$states.input.constructor", "$states.input.toString", "$states.input.proto", "$states.context.Map.Item.Value.id",
  "$states.context.Map.Item.Index", "$v", "$v.k", "$arr", "$arr.k", "$unset", "$unset.k", "$", "$states.input.neg",
  // constructors
  "{}", "[]", "[[]]", "{'a': 1, 'b': $states.input.missing}", "{'a': {'b': [1, $states.input.name]}}",
  "[$states.input.name, $states.input.age, 'k0']", "[$states.input.list]", "[$states.input.one, 2]", "[[$states.input.one], 2]",
  "[$states.input.nested]", "[$states.input.missing, 1]", "[$states.input.name]", "[$states.input.missing]", "[$states.input.none]",
  "{'l': $states.input.one}", "{'l': $states.input.none}", "{'l': [$states.input.missing]}", "{'l': $states.input.nested}",
  "$merge([$states.input.objects])", "$merge([$states.input.objects, {'c': 3}])", "$string([$states.input.one])", "{'a': 1, 'a': 2}", "{$states.input.s: 1}", "{'__proto__': 1}",
  // strings
  "'step 0: hello ' & $states.input.name & ', age ' & $states.input.age", "'a' & $states.input.float", "'a' & $states.input.big",
  "'a' & $states.input.obj", "'a' & $states.input.list", "'a' & $states.input.missing", "$states.input.t & $states.input.nil",
  "'a' & $states.input.neg", "'a' & $states.input.proto",
  // arithmetic and comparisons
  "$states.input.age + 1", "$states.input.acc.step + 1", "$states.input.age - 0.5", "$states.input.age * 2", "$states.input.age / 4",
  "$states.input.age % 5", "$states.input.age / 0", "$states.input.missing + 1", "$states.input.s + 1", "$states.input.t + 1",
  "-$states.input.age", "-$states.input.s", "-$states.input.missing", "$states.input.age < 40", "$states.input.age >= 36",
  "$states.input.s > 'a'", "$states.input.s < 1", "$states.input.missing < 1", "$states.input.age = 36", "$states.input.s != 'x'",
  "$states.input.obj = $states.input.obj", "$states.input.missing = 1", "$states.input.t and $states.input.age > 1",
  "$states.input.t or $states.input.missing", "$states.input.age > 100 and $states.input.s", "$states.input.t ? 'y' : 'n'",
  "$states.input.age > 100 ? 'y'", "$states.input.s ? 1 : 2",
  // functions
  "$merge([$states.input, {'acc': {'step': 0, 'prev': $states.input.acc.step, 'tag': $states.input.meta.tag}}])",
  "$merge([$states.input.obj, {'flag': {'ok': true}}])", "$merge([])", "$merge($states.input.obj)", "$merge([$states.input.obj, 1])",
  "$merge([$states.input.proto])", "$merge($states.input.missing)", "$string($states.input.obj)", "$string($states.input.float)",
  "$string($states.input.age)", "$string($states.input.s)", "$string($states.input.missing)", "$string($states.input.list)",
  "$string($states.input.obj, true)", "$string()", "$parse($states.input.objStr)", "$parse('{bad')", "$parse($states.input.age)",
  "$partition($states.input.list, 4)", "$partition($states.input.one, 4)", "$partition($states.input.none, 2)",
  "$partition($states.input.list, 0)", "$partition($states.input.list, 2.7)", "$partition($states.input.s, 2)",
  "$hash($states.input.name, 'SHA-256')", "$hash($states.input.name, 'nope')", "$hash($states.input.age, 'MD5')",
  "$count($states.input.list)", "$merge", "$random()", "$uuid()", "$eval('1')", "$states.input.list[0]", "$states.input.(name)",
  "$states.input.list.($ + 1)", "function($x){$x}(1)", "($states.input.age)",
  // a variable shadowing a built-in
  "$string(1)", "$merge([{'a': 1}])",
];

/** `$count`, `$sum`, `$number` (the functions added after the samples above). */
export const NUMERIC_FUNCTION_EXPRESSIONS: readonly string[] = [
  "$count($states.input.list)", "$count($states.input.one)", "$count($states.input.none)", "$count($states.input.missing)",
  "$count($states.input.name)", "$count($states.input.obj)", "$count($states.input.nested)", "$count($states.input.csvContent) > 0",
  "$sum($states.input.list)", "$sum($states.input.none)", "$sum($states.input.missing)", "$sum($states.input.age)",
  "$sum($states.input.name)", "$sum($states.input.obj.b)", "$sum($states.input.input_values) + $var_constant_1",
  "$number($states.input.age)", "$number($states.input.s)", "$number($states.input.t)", "$number($states.input.nil)",
  "$number($states.input.missing)", "$number('2')", "$number('-0')", "$number('1e999')", "$number('0x1F')", "$number(' 1')",
  "$number($states.input.failed) > 0 or $number($states.input.rejected) > 0",
];

/** Distinct fast-compiled expressions of testdata/corpus/realworld and testdata/conformance/cases.json. */
export const CORPUS_EXPRESSIONS: readonly string[] = [
  "$states.input.detail.bucket.name", "'s3://' & $states.input.detail.bucket.name & '/' & $states.input.detail.object.key",
  "$states.context.Execution.Id", "$s3Uri", "$outBase & '/' & $jobName & '/transcription.json'",
  "$states.result.TranscriptionJob.Transcript.TranscriptFileUri", "$states.input.TranscriptionJob.TranscriptionJobStatus = 'COMPLETED'",
  "$transcription_job_info.transcript_file_bucket & '/' & $transcription_job_info.transcript_file_key", "$states.result",
  "$states.input.Function_ARN_List_existing.lambda_arn_list_combined", "$states.input.NextMarkercheck = 'true'",
  "$states.input.Inactive_Functions = false", "$states.context.Task.Token", "$resultCount < $maxCount", "$string($states.input.data)",
  "'api_endpoint'& $states.input.Items.location_id.S &'/get-summary'", "$states.result.ResponseBody.states.failed",
  "$states.input.BatchInput.mapTaskId", "$states.input.JobRun.JobRunState = \"SUCCEEDED\"", "$states.context.State.Name",
  "$varname.varfield", "$states.errorOutput", "$doesNotExist", "$state.input", "$merge([$states.input.part1, $states.input.part2])",
  "$partition($states.input.FunctionInput.fst, $states.input.FunctionInput.snd)", "$parse($states.input.FunctionInput)",
  "$states.input.type = 'Public'", "$states.input.str_value = \"string literal\"", "$var = '\"'", "$states.input = '\"'",
  "$states.context.Map.Item.Value", "[]", "[1, 'two', 3]", "[0]", "{'foo': 'bar'}", "null", "1", "'2016-03-14T01:59:00Z'",
];

/** Shapes the typed builder (`@stepcraft/core`) emits, beyond plain paths: blocks and constant indexes. */
export const BUILDER_EXPRESSIONS: readonly string[] = [
  "($states.input.n > 0 and $v < 1000)", "($states.input.age > 1 and $v.k = 'vk')", "()", "(1; $states.input.name)",
  "$states.input.both[0]", "$states.input.both[1]", "$states.input.list[0]", "$states.input.list[-1]", "$states.input.list[99]",
  "$states.input.nested[0]", "$states.input.one[0]", "$states.input.none[0]", "$states.input.name[0]", "$states.input.obj[0]",
  "$states.input.missing[0]", "$states.input.objects[-2]", "$merge([$states.input, {\"mapped\": $states.result}])",
  "$merge([$states.input, {\"scored\": {\"score\": $states.result.Payload.score}}])",
];
