"""Every word the auditor prints outside the rule messages, in both languages: one catalogue.

The checks emit *keys* (an evidence role such as "total change", a place such
as {"table": 1, "row": 2}); reporters, the command line and the inspection
commands turn them into words here, at render time, in the language of the
run.  Both languages hold exactly the same keys with the same {placeholders}
(tests/test_messages.py), so nothing English leaks into a Chinese report and
nothing Chinese into an English one.

    text("zh", "role.total")                → "总额"
    count("en", "count.error", 2)           → "2 errors"
    place_text({"page": 3}, "zh")           → "第3页"

A key ending in ".one" is the singular form of the key before it (English
needs it; Chinese repeats the general form).
"""

from __future__ import annotations

import errno
from typing import Any, Mapping

LANGS = ("zh", "en")

CATALOGUE: dict[str, dict[str, str]] = {
    "zh": {
        # severities and counts
        "severity.error": "错误", "severity.warning": "警告", "severity.info": "提示",
        "count.error": "{n} 个错误", "count.error.one": "{n} 个错误",
        "count.warning": "{n} 个警告", "count.warning.one": "{n} 个警告",
        "count.info": "{n} 个提示", "count.info.one": "{n} 个提示",
        "count.none": "未发现矛盾", "count.join": "，", "count.nothing": "未核对任何关系",
        "count.figures": "{n} 个数字", "count.figures.one": "{n} 个数字",
        "count.relations": "{n} 个关系", "count.relations.one": "{n} 个关系",
        "checked.line": "读取 {figures}，核对 {relations}", "checked.undecided": "，{n} 个无法判定",
        "checked.after": "；{tail}", "checked.paren": "（{tail}）",
        "verdict.holds": "成立", "verdict.fails": "不符", "verdict.undecided": "无法判定", "verdict.explained": "另有解读",
        "rel.line": "行", "rel.rule": "规则", "rel.verdict": "结论", "rel.reason": "依据", "rel.figures": "数字",
        # column headers shared by the reporters
        "header.file": "文件", "header.place": "位置", "header.line": "行", "header.column": "列",
        "header.rule": "规则", "header.severity": "级别", "header.message": "说明", "header.stated": "所写",
        "header.expected": "应为", "header.arithmetic": "算式", "header.evidence": "所用数字",
        "header.error": "无法读取",
        # the roles of the figures a finding used (keys: the role the check emits, spaces as _)
        "role.total": "总额", "role.part": "分项", "role.subtracted": "减项", "role.numerator": "分子",
        "role.denominator": "分母", "role.rate": "比率", "role.share": "占比", "role.whole": "整体",
        "role.amount": "金额", "role.change": "增减额", "role.growth": "增长率", "role.current": "本期数",
        "role.previous": "上期数", "role.direction": "增减方向", "role.first": "首次出现", "role.repeat": "再次出现",
        "role.left": "收入总计", "role.right": "支出总计", "role.grade": "等级", "role.score": "得分",
        "role.weight": "分值", "role.row": "表中得分", "role.result": "算式结果", "role.calculation": "算式",
        "role.heading": "标题", "role.previous_heading": "上一个标题", "role.total_change": "总额增减额",
        "role.part_change": "分项增减额", "role.prose_score": "正文中的得分", "role.table_total": "表中总分",
        # the relation families: differences, products, targets, named items, unit slips
        "role.difference": "差额", "role.submitted": "送审数", "role.approved": "审定数", "role.funds": "可用资金",
        "role.budget": "预算数", "role.spent": "实际数", "role.product": "金额", "role.count": "数量",
        "role.standard": "标准", "role.target": "目标值", "role.actual": "实际完成值", "role.names": "所列名称",
        "role.slipped": "单位有误之处", "role.other_mention": "其他各处", "role.total_due": "应付总额",
        "role.paid": "已付数", "role.needed": "所需总额", "role.assets": "资产总额", "role.liabilities": "负债总额", "role.raised": "已筹集", "role.first_asked": "原列数", "role.voted": "改列数", "role.larger_change": "较大的一方增减额", "role.revenue": "收入", "role.expenses": "支出", "role.offset_change": "相抵的增减额", "role.income": "岁入", "role.spending": "岁出", "role.collected": "完成数", "role.adjusted": "年初预算与追加", "role.opening_and_added": "年初余额与增加", "role.paid_off": "减少（偿还）", "role.cut": "调减", "role.deducted": "扣除数", "role.added_term": "加项", "role.taken_term": "减项", "role.birth_rate": "出生率", "role.death_rate": "死亡率",
        "role.mean": "年平均数", "role.years": "年数", "role.monthly_mean": "月平均数", "role.months_counted": "月数", "role.balance": "结余", "role.limit": "限额", "role.debt_balance": "余额", "role.months": "可支付月数",
        # places in the original file
        "place.page": "第{n}页", "place.paragraph": "第{n}段", "place.table": "表{n}", "place.row": "第{n}行",
        "place.cell": "第{n}列", "place.line": "第{n}行", "place.line_column": "第{line}行第{column}列",
        "place.sheet_row": "{sheet} 第{n}行", "place.join": " ",
        # the batch summary
        "summary.title": "汇总：{n} 个文件（最严重的在前）", "summary.file": "文件", "summary.errors": "错误",
        "summary.warnings": "警告", "summary.worst": "最严重的规则 / 无法读取的原因", "summary.unreadable": "无法读取",
        "summary.head": "汇总", "summary.files": "{n} 个文件",
        "summary.total": "共 {errors}、{warnings}，涉及 {affected} / {files} 个文件；"
                         "读取 {facts} 个数字，核对 {relations} 个关系",
        "summary.total_unreadable": "；{n} 个文件无法读取",
        "summary.quiet": "（另有 {n} 个文件未发现矛盾，未列出）",
        "summary.written": "报告已写入 {path}",
        # progress and notes on stderr
        "progress.checking": "检查中",
        "note.baseline_hidden": "基线 {path} 已接受 {n} 个发现，未显示",
        "note.no_new_findings": "没有新的发现（基线 {path} 已接受全部 {n} 个）",
        "note.baseline_written": "已将 {n} 个发现写入基线 {path}",
        "note.annotated": "已在 {path} 中写入 {n} 条批注（原文件未改动）",
        "note.annotated_skipped": "{n} 个发现位于附件中，未写入批注",
        "note.suppressed": "文档中的批注 “audit: ignore” 忽略了 {n} 个发现",
        # inputs read only in part, or skipped (stderr, one line each)
        "warn.folder_skipped": "{path}：无法读取此文件夹（{reason}），已跳过",
        "warn.file_skipped": "{path}：无法读取（{reason}），已跳过",
        "warn.link_loop": "{path}：符号链接指向自身（循环），已跳过",
        "warn.broken_link": "{path}：符号链接指向不存在的文件，已跳过",
        "warn.not_a_file": "{path}：不是普通文件（{kind}），已跳过",
        "warn.damaged_bytes": "{path}：有 {n} 处字节无法按 {encoding} 解码（文件可能已损坏），已替换为 �，其余内容照常检查",
        "warn.damaged_bytes.one": "{path}：有 {n} 处字节无法按 {encoding} 解码（文件可能已损坏），已替换为 �，其余内容照常检查",
        "kind.folder": "文件夹", "kind.fifo": "命名管道", "kind.device": "设备文件", "kind.socket": "套接字",
        "kind.special": "特殊文件",
        "warn.deep_html": "{path}：网页嵌套超过 {depth} 层，已按纯文本读取（不区分页面导航等）",
        # files that cannot be read (auditor.load.LoadError: a key and its values, rendered here)
        "load.no_such_file": "{path}：文件不存在",
        "load.link_loop": "{path}：符号链接指向自身（循环），未读取",
        "load.cannot_read": "{path}：无法读取（{reason}）",
        "load.folder": "{path}：这是一个文件夹，不是报告",
        "load.not_a_file": "{path}：{kind}，不是普通文件；只读取普通文件",
        "load.too_large": "{path}：超过 {limit} 的上限，未读取（`--max-size` 可提高上限）",
        "load.memory": "{path}：文件过大，无法读取",
        "load.empty": "{path}：文件是空的",
        "load.damaged": "{path}：{format}已损坏或无法读取（{detail}）",
        "load.no_text": "{path}：此{format}中没有文字",
        "load.no_text_pdf": "{path}：此{format}中没有文字（扫描得到的 PDF 没有文字层：请先做文字识别 OCR）",
        "load.foreign": "{path}：这是{what}，不是报告",
        "load.mislabelled": "{path}：不是{a_format}（内容与扩展名 {suffix} 不符，也不是文本）；文件可能已损坏或扩展名有误",
        "load.web_page_named": "{path}：不是{a_format}，而是一个网页（是否把出错页面存成了报告？）；"
                               "如果它就是报告，请改名为 .html",
        "load.text_named": "{path}：不是{a_format}，而是纯文本（下载失败？如果它是文本报告，请改名为 .txt）",
        "load.zip_damaged": "{path}：文件已损坏（无法打开的 zip 包；Word .docx 与 Excel .xlsx 文件都是 zip 包）",
        "load.powerpoint": "{path}：这是 PowerPoint 演示文稿，不是报告",
        "load.opendocument": "{path}：这是 OpenDocument 文件；请另存为 .docx 或 .xlsx",
        "load.office_damaged": "{path}：Office 文件已损坏（缺少主体部分）",
        "load.zip_archive": "{path}：这是 zip 压缩包，不是报告；请解压后检查其中的文件",
        "load.ole_damaged": "{path}：Office 文件已损坏（无法打开的 OLE2 容器）",
        "load.office_password": "{path}：Office 文件设有密码；请去掉密码（另存一份不加密的副本）再检查",
        "load.legacy_doc": "{path}：这是旧版 Word .doc 文件；请另存为 .docx 再检查",
        "load.office_unknown": "{path}：无法读取的 Office 文件（没有 Word 或 Excel 内容）",
        "load.docx_no_main": "{path}：不是 Word .docx 文件包（缺少文档主体部分）",
        "load.html_unreadable": "{path}：无法读取的网页（{detail}）",
        "load.pdf_password": "{path}：PDF 设有密码；请用密码打开，另存一份不加密的副本再检查",
        "load.pdf_damaged": "{path}：PDF 文件已损坏（{detail}）",
        "load.pdf_fonts": "{path}：此 PDF 的字体没有说明所画的是哪些字（缺少 ToUnicode 映射），无法读取文字；"
                          "请先做文字识别（OCR）",
        "load.xlsx_missing_part": "{path}：Excel .xlsx 文件已损坏（缺少部件 {detail}）",
        "load.xls_password": "{path}：Excel 文件设有密码；请去掉密码再检查",
        "load.xls_damaged": "{path}：Excel .xls 文件已损坏或无法读取（{detail}）",
        "load.bad_bom": "{path}：开头像 {codec} 文本，却不是有效的 {codec}",
        "load.binary": "{path}：看来是二进制文件，不是文本报告",
        "load.encoding": "{path}：无法判断文字编码（已尝试 UTF-8、GB18030、Big5 与自动检测）",
        "load.internal_read": "{path}：读取时发生内部错误（{detail}）",
        "load.internal_check": "{path}：检查时发生内部错误（{detail}）；请连同此文件报告这个问题",
        "load.internal": "{path}：内部错误（{detail}）",
        "format.pdf": "PDF 文件", "format.docx": "Word .docx 文件", "format.xlsx": "Excel .xlsx 文件",
        "format.xls": "Excel .xls 文件", "format.html": "网页", "format.txt": "文本文件",
        "what.png": "PNG 图片", "what.jpeg": "JPEG 图片", "what.gif": "GIF 图片", "what.tiff": "TIFF 图片",
        "what.rar": "RAR 压缩包", "what.7z": "7-Zip 压缩包", "what.gzip": "gzip 压缩包",
        "what.rtf": "RTF 文档（请另存为 .docx）", "what.empty_zip": "空的 zip 压缩包",
        "size.bytes": "{n} 字节", "reason.permission": "没有权限", "reason.io": "读写错误",
        "reason.no_space": "磁盘空间不足", "reason.quota": "超出磁盘配额", "reason.read_only": "只读的文件系统",
        "reason.name_too_long": "文件名过长", "reason.is_folder": "这是一个文件夹",
        "reason.not_folder": "路径中有一部分不是文件夹", "reason.missing": "文件或文件夹不存在",
        "reason.link_loop": "符号链接层次过多（循环）", "reason.too_many_open": "打开的文件过多",
        "reason.busy": "文件正被占用", "reason.pipe": "读取的一方已关闭（管道已断开）",
        # command-line inputs that cannot be used (one line, exit 2)
        "input.folder_unreadable": "{path}：无法读取此文件夹（{reason}）",
        "input.dangling_link": "{path}：符号链接循环或指向不存在的文件",
        "input.missing": "{path}：文件或文件夹不存在",
        "input.no_reports": "{path}：此文件夹中没有报告（查找的是 {looked}）",
        "input.no_reports_matching": "{path}：此文件夹中没有符合 {globs} 的报告（查找的是 {looked}）",
        "input.with_many": "`--with` 把附件附在一份报告上，现在给了 {n} 份报告（要把几个文件作为一个文档检查，请用 `--together`）",
        "input.with_missing": "{path}：文件不存在（由 `--with` 给出）",
        "input.no_stdin": "-：没有可读取的标准输入",
        "input.stdin_terminal": "-：标准输入是终端；请用管道送入报告（`audit - < report.txt`）",
        "input.stdin_too_large": "-：标准输入超过 {limit} 的上限（`--max-size` 可提高上限）",
        "input.annotate_stdin": "`--annotate` 把批注写入文件的副本；标准输入没有文件",
        "input.annotate_many": "`--annotate` 只把批注写入一份报告，现在给了 {n} 份报告",
        "annotate.format": "`--annotate` 只把批注写入 Word .docx 与 Excel .xlsx 文件；{path} 是{a_format}"
                           "（要分享的网页请用 `--format html`）",
        "annotate.original": "`--annotate` {path}：这就是正在检查的文件；请给副本另起名字（原文件从不改动）",
        "annotate.suffix": "`--annotate` {path}：{a_format}的副本必须以 {suffix} 结尾",
        "annotate.folder": "`--annotate` {path}：这是一个文件夹；请给出带批注副本的文件名",
        "annotate.damaged": "`--annotate` {path}：无法写出带批注的副本，文件中的 {part} 已损坏",
        # configuration files that cannot be read
        "config.cannot_read": "{path}：无法读取配置文件（{reason}）",
        "config.not_toml": "{path}:{line}: 不是有效的 TOML：{problem}",
        "config.missing": "{path}：配置文件不存在",
        "config.no_tool_audit": "{path}:1: 此 pyproject.toml 中没有 [tool.audit] 表",
        # annotations written into a copy of the document
        "annotate.expected": "应为 {value}",
        "annotate.stated": "所写 {value}",
        "annotate.author": "audit",
        "annotate.ignore_hint": "如已核实无误：在此数字上加一条以 “audit: ignore {rule} 理由” 开头的批注，下次检查不再报告",
        # the terminal report
        "rich.stated_expected": "所写 {stated} → 应为 {expected}",
        "rich.expected": "应为 {expected}",
        "text.expected": "（应为 {expected}）",
        # the HTML page
        "html.title": "审计报告", "html.files": "{n} 个文件", "html.severity": "级别", "html.rule": "规则",
        "html.shown": "显示", "html.of": "/", "html.findings": "条", "html.legend_primary": "所报告的数字",
        "html.legend_evidence": "算式所用的其他数字", "html.generated": "由 audit {version} 生成",
        "html.none_shown": "没有符合筛选条件的发现", "html.full_text": "全文", "html.index": "文件一览（最严重的在前）",
        "html.filter": "筛选文件", "html.filter_placeholder": "输入文件名的一部分", "html.only_findings": "只看有发现的文件",
        "html.clean": "未发现矛盾", "html.files_shown": "显示 {shown} / {total} 个文件",
        # audit rules / explain / facts
        "cat.id": "ID", "cat.name": "名称", "cat.severity": "级别", "cat.on": "启用", "cat.checks": "检查内容",
        "cat.yes": "是", "cat.no": "否", "cat.overridden": "* 级别由配置改写", "cat.relation": "关系",
        "cat.why": "说明", "cat.source": "依据", "cat.params": "参数", "cat.passes": "通过的例子",
        "cat.fails": "报告的例子", "cat.cites": "应指出", "cat.gives": "检查结果",
        "cat.applies": "适用的关系", "cat.explained": "另一读法成立", "cat.alt_passes": "另一读法成立的例子（不报告错误）",
        "cat.alt_fails": "另一读法不成立的例子（错误照报）", "cat.not_explained": "未被这一读法解释",
        "cat.alt_doubts": "读法存疑的例子（降为警告）", "cat.doubted": "降为警告",
        "cat.alt_stands": "读法无疑的例子（错误照报）",
        "cat.no_finding": "✗ 此例没有得到应有的发现：规则与其例子不符",
        "cat.unexpected": "✗ 此例本应通过，却得到发现", "cat.file": "规则文件", "cat.count": "{n} 条规则，{on} 条启用",
        "cat.place": "位置", "cat.text": "原文", "cat.concept": "概念", "cat.value": "数值", "cat.unit": "单位",
        "cat.period": "期间", "cat.scenario": "口径", "cat.label": "标签", "cat.previous": "上年", "cat.earlier": "前年",
        "cat.facts": "{n} 个数字", "cat.nearest": "没有规则 {rule}；是不是 {nearest}？（`audit rules` 列出全部规则）",
        "cat.no_rule": "没有规则 {rule}；`audit rules` 列出全部规则",
        # the command line: where settings came from, output files, failures (stderr)
        "cli.config": "配置：{path}",
        "cli.isolated_and_config": "`--isolated` 与 `--config` 不能同时使用",
        "cli.stopped": "已中断",
        "cli.cannot_write": "{path}：无法写入（{reason}）",
        "cli.no_folder": "{path}：文件夹 {folder} 不存在",
        "cli.not_a_folder": "{path}：{folder} 不是文件夹",
        "cli.folder_not_writable": "{path}：无权在文件夹 {folder} 中写入",
        "cli.is_a_folder": "{path}：这是一个文件夹，不是文件",
        "cli.overwrites_input": "{option} {path} 会覆盖正在检查的文件 {input}；请写到别处",
        "cli.same_target": "{first} 与 {second} 是同一个文件 {path}",
        "cli.skipped_own": "跳过 {path}：这是 audit 写的报告，不是要检查的报告",
        "cli.nothing_left": "除 audit 写的报告外，没有要检查的报告",
        "cli.too_deep": "{path}：嵌套层次过深，无法读取",
        "cli.worker_died": "{path}：检查此文件的进程意外终止（内存不足或程序库崩溃）",
        "cli.param_type": "{rule} 的参数 `{param}` 应为{expected}，而不是 {value}",
        "cli.template": "`message.{which}` 不是可用的消息模板：{problem}",
        "type.int": "非负整数", "type.number": "数字", "type.text": "文本", "type.texts": "文本列表",
        "type.bands": "等级 = 最低分 的表（分数为数字）", "type.choice": "以下之一：{choices}",
        "template.braces": "花括号不成对（字面的花括号写作 {{ 或 }}）",
        "template.field": "占位符 {{{field}}} 只能是一个名称，如 {{label}}",
        # configuration settings that cannot be used (`file:line: problem`, one line each)
        "config.unknown_setting": "未知的设置 {key}{hint}",
        "config.did_you_mean": "（是不是 `{name}`？）",
        "config.known": "（可用的设置：{names}）",
        "config.severity_value": "{rule} 的级别应为 {choices} 之一，而不是 {value}",
        "config.lang_value": "`lang` 应为 {choices} 之一，而不是 {value}",
        "config.fail_on_value": "`fail-on` 应为 {choices} 之一，而不是 {value}",
        "config.expected": "`{key}` 应为{expected}，而不是 {value}",
        "config.missing_key": "缺少 `{key}`",
        "config.too_short": "`{key}` 至少要有 {n} 项",
        "config.unusable": "`{key}` 的值 {value} 无法使用",
        "config.empty_name": "概念 {name}：名称与同义词都不能为空",
        "config.no_match": "{pattern} 不匹配任何规则（`audit rules` 列出全部规则）",
        "config.no_match_severity": "{pattern} 不匹配任何规则",
        "config.no_rule": "没有规则 {rule}",
        "config.unknown_grade": "未知的等级 {name}（已有的等级：{grades}）",
        "config.grade_limit": "等级 {name} 的下限应在 0 到 100 之间，而不是 {lower}",
        "config.no_family": "`params.family`：词表中没有构成 {family}{hint}；已有的构成：{families}",
        "config.defaults": "配置：默认设置（未找到 audit.toml）",
        "type.list": "列表", "type.table": "表", "type.whole": "整数", "type.bool": "`true` 或 `false`",
        "reason.not_utf8": "不是 UTF-8 编码的文本",
        # rule files that cannot be used (`file:line: problem`)
        "rule.cannot_read": "{path}:1: 无法读取规则文件（{reason}）",
        "rule.unknown_key": "未知的键 {key}{hint}",
        "rule.no_examples": "缺少例子：每条规则至少需要一个 `[[examples.pass]]` 和一个 `[[examples.fail]]`"
                            "（它们既是规则的测试，也是规则的说明）",
        "rule.missing_examples": "缺少 `[[examples.{which}]]`：每条规则至少需要一个通过的例子和一个报告的例子",
        "rule.missing_key": "缺少键 `{key}`",
        "rule.too_few_examples": "`[[examples.{which}]]` 至少需要一个例子",
        "rule.severity": "级别 {value} 不是 {choices} 之一",
        "rule.id": "ID {value} 应为 2 到 4 个大写字母加 3 位数字，如 `SUM101`",
        "rule.name": "名称 {value} 应为以连字符连接的小写单词，如 `grant-identity`",
        "rule.message_zh": "`{key}` 必须有 `zh` 一项（`en` 可有可无）",
        "rule.unknown_kind": "未知的检查类型 {kind}{hint}；已有的类型：{kinds}",
        "rule.needs_stated": "报告的例子需要 `stated`：其发现应指出的数字",
        "rule.stated_absent": "`stated` 的 {stated} 不在例子的原文中",
        "rule.folder_missing": "{folder}：规则文件夹不存在",
        "rule.duplicate_id": "{path}:1: 规则 ID {rule} 已由 {other} 使用",
        # baseline files that cannot be used
        "baseline.missing": "{path}：基线文件不存在（`--write-baseline` 可写出一个）",
        "baseline.cannot_read": "{path}：无法读取基线（{reason}）",
        "baseline.not_json": "{path}:{line}: 不是基线文件：{problem}",
        "baseline.foreign": "{path}：不是由 `audit --write-baseline` 写出的基线文件",
        "baseline.version": "{path}：不支持基线版本 {version}（此版本的 audit 读取版本 {supported}）；请重新写出基线",
        "baseline.no_fingerprint": "{path}：基线中有一项缺少 `fingerprint`",
        # what a TOML or JSON parser said, in words (tomllib's and json's messages, by pattern)
        "toml.column": "{problem}（第{column}列）",
        "toml.invalid_statement": "无效的语句", "toml.expected_newline": "语句之后应换行或结束",
        "toml.expected": "此处应为 {what}", "toml.invalid_character": "无效的字符 {what}",
        "toml.declared_twice": "{key} 重复声明", "toml.overwrite": "不能改写已有的值",
        "toml.table_end": "表的声明应以 `]` 结束", "toml.immutable": "不能改动已写完的 {key}",
        "toml.array_end": "数组表的声明应以 `]]` 结束", "toml.redefine": "不能重新定义 {key}",
        "toml.expected_equals": "键之后应为 `=`", "toml.key_start": "键的第一个字符无效",
        "toml.unclosed_array": "数组没有闭合", "toml.duplicate_key": "内联表中的键 {key} 重复",
        "toml.unclosed_table": "内联表没有闭合", "toml.backslash": "字符串中有未转义的反斜杠",
        "toml.hex": "无效的十六进制值", "toml.scalar": "转义得到的不是有效的字符",
        "toml.unterminated": "字符串没有结束的引号", "toml.illegal": "非法的字符 {what}",
        "toml.date": "无效的日期或时间", "toml.invalid_value": "无效的值",
        "json.value": "此处应为一个值", "json.name": "此处应为双引号括起的键名", "json.colon": "此处应为 `:`",
        "json.comma": "此处应为 `,`", "json.extra": "多余的内容", "json.unterminated": "字符串没有结束的引号",
        "json.control": "字符串中有控制字符", "json.escape": "无效的转义", "json.trailing_comma": "末尾多了一个逗号",
        # command-line usage errors (click's, in words; exit 2)
        "usage.see_help": "（见 `{command} --help`）",
        "usage.no_such_option": "没有选项 `{option}`",
        "usage.did_you_mean": "（是不是 `{choice}`？）",
        "usage.did_you_mean_one_of": "（是不是以下之一：{choices}？）",
        "usage.missing_argument": "缺少参数 `{name}`",
        "usage.missing_option": "缺少选项 `{name}`",
        "usage.requires_value": "选项 `{option}` 需要一个值",
        "usage.takes_no_value": "选项 `{option}` 不接受值",
        "usage.extra_arguments": "多余的参数：{args}", "usage.extra_arguments.one": "多余的参数：{args}",
        "usage.invalid_choice": "`{option}` 的值 {value} 无效：应为 {choices} 之一",
        "usage.invalid_int": "`{option}` 的值 {value} 无效：应为整数",
        "usage.int_min": "`{option}` 的值 {value} 无效：应不小于 {min}",
        "usage.is_folder": "`{option}` 的值 {value} 无效：这是一个文件夹，不是文件",
        "usage.not_writable": "`{option}` 的值 {value} 无效：没有写入这个文件的权限",
        "usage.not_readable": "`{option}` 的值 {value} 无效：没有读取这个文件的权限",
        "usage.invalid_value": "`{option}` 的值 {value} 无效",
        "usage.invalid_because": "`{option}` 的值无效：{problem}",
        "usage.no_arguments": "请给出要检查的报告，如 `audit report.txt`",
        "usage.other": "命令行有误：{problem}",
        "size.invalid": "{value} 不是大小（写作如 `20MB`、`500KB` 或字节数）",
        "size.not_positive": "{value} 不是大小（必须大于 0）",
    },
    "en": {
        "severity.error": "error", "severity.warning": "warning", "severity.info": "note",
        "count.error": "{n} errors", "count.error.one": "{n} error",
        "count.warning": "{n} warnings", "count.warning.one": "{n} warning",
        "count.info": "{n} notes", "count.info.one": "{n} note",
        "count.none": "no contradictions found", "count.join": ", ", "count.nothing": "no relation checked",
        "count.figures": "{n} figures", "count.figures.one": "{n} figure",
        "count.relations": "{n} relations", "count.relations.one": "{n} relation",
        "checked.line": "read {figures}, checked {relations}", "checked.undecided": ", {n} undecided",
        "checked.after": "; {tail}", "checked.paren": " ({tail})",
        "verdict.holds": "holds", "verdict.fails": "fails", "verdict.undecided": "undecided",
        "verdict.explained": "explained",
        "rel.line": "line", "rel.rule": "rule", "rel.verdict": "verdict", "rel.reason": "reason", "rel.figures": "figures",
        "header.file": "File", "header.place": "Place", "header.line": "Line", "header.column": "Column",
        "header.rule": "Rule", "header.severity": "Severity", "header.message": "Message", "header.stated": "Stated",
        "header.expected": "Expected", "header.arithmetic": "Arithmetic", "header.evidence": "Figures used",
        "header.error": "Cannot read",
        "role.total": "total", "role.part": "part", "role.subtracted": "subtracted", "role.numerator": "numerator",
        "role.denominator": "denominator", "role.rate": "rate", "role.share": "share", "role.whole": "whole",
        "role.amount": "amount", "role.change": "change", "role.growth": "growth", "role.current": "current",
        "role.previous": "previous", "role.direction": "direction", "role.first": "first stated",
        "role.repeat": "stated again", "role.left": "total income", "role.right": "total spending",
        "role.grade": "grade", "role.score": "score", "role.weight": "weight", "role.row": "table score",
        "role.result": "result", "role.calculation": "calculation", "role.heading": "heading",
        "role.previous_heading": "previous heading", "role.total_change": "total change",
        "role.part_change": "part change", "role.prose_score": "score in the text", "role.table_total": "table total",
        "role.difference": "difference", "role.submitted": "submitted", "role.approved": "approved",
        "role.funds": "funds", "role.budget": "budget", "role.spent": "spent", "role.product": "amount",
        "role.count": "count", "role.standard": "standard", "role.target": "target", "role.actual": "achieved",
        "role.names": "names listed", "role.slipped": "slipped unit", "role.other_mention": "other mention",
        "role.total_due": "total due", "role.paid": "paid", "role.needed": "total needed", "role.assets": "total assets", "role.liabilities": "total liabilities", "role.raised": "raised", "role.first_asked": "first asked", "role.voted": "voted", "role.larger_change": "larger change", "role.revenue": "revenue", "role.expenses": "expenses", "role.offset_change": "offset change", "role.income": "income",
        "role.spending": "spending", "role.collected": "collected", "role.adjusted": "initial and added", "role.opening_and_added": "opening balance and additions", "role.paid_off": "paid off", "role.cut": "cut", "role.deducted": "deducted", "role.added_term": "added", "role.taken_term": "taken away", "role.birth_rate": "birth rate", "role.death_rate": "death rate", "role.mean": "mean a year", "role.years": "years", "role.monthly_mean": "mean a month", "role.months_counted": "months", "role.balance": "balance", "role.limit": "limit", "role.debt_balance": "debt balance", "role.months": "months payable",
        "place.page": "page {n}", "place.paragraph": "¶ {n}", "place.table": "table {n}", "place.row": "row {n}",
        "place.cell": "cell {n}", "place.line": "line {n}", "place.line_column": "line {line}, column {column}",
        "place.sheet_row": "{sheet} row {n}", "place.join": " ",
        "summary.title": "Summary: {n} files, worst first", "summary.file": "file", "summary.errors": "errors",
        "summary.warnings": "warnings", "summary.worst": "worst rule / why unreadable", "summary.unreadable": "unreadable",
        "summary.head": "summary", "summary.files": "{n} files",
        "summary.total": "{errors}, {warnings} in {affected} of {files} files; "
                         "{facts} figures read, {relations} relations checked",
        "summary.total_unreadable": "; {n} files unreadable",
        "summary.quiet": "({n} more files without contradictions not listed)",
        "summary.written": "report written to {path}",
        "progress.checking": "checking",
        "note.baseline_hidden": "{n} findings accepted in the baseline {path} not shown",
        "note.no_new_findings": "no new findings (the baseline {path} accepts all {n})",
        "note.baseline_written": "wrote {n} findings to the baseline {path}",
        "note.annotated": "wrote {n} comments to {path} (the original is unchanged)",
        "note.annotated_skipped": "{n} findings stand in an attachment and were not written as comments",
        "note.suppressed": "{n} findings ignored by “audit: ignore” comments in the document",
        "warn.folder_skipped": "{path}: cannot read this folder ({reason}); skipped",
        "warn.file_skipped": "{path}: cannot read ({reason}); skipped",
        "warn.link_loop": "{path}: a symbolic link that loops back on itself; skipped",
        "warn.broken_link": "{path}: a symbolic link to a file that does not exist; skipped",
        "warn.not_a_file": "{path}: not a regular file ({kind}); skipped",
        "warn.damaged_bytes": "{path}: {n} byte sequences are not valid {encoding} (a damaged file?); "
                              "replaced with � and the rest checked",
        "warn.damaged_bytes.one": "{path}: {n} byte sequence is not valid {encoding} (a damaged file?); "
                                  "replaced with � and the rest checked",
        "kind.folder": "a folder", "kind.fifo": "a FIFO (named pipe)", "kind.device": "a device",
        "kind.socket": "a socket", "kind.special": "a special file",
        "warn.deep_html": "{path}: the page is nested more than {depth} levels deep; read as plain text "
                          "(navigation and page chrome not told apart)",
        "load.no_such_file": "{path}: no such file",
        "load.link_loop": "{path}: a symbolic link that loops back on itself; not read",
        "load.cannot_read": "{path}: cannot read ({reason})",
        "load.folder": "{path}: is a folder, not a report",
        "load.not_a_file": "{path}: {kind}, not a file; only regular files are read",
        "load.too_large": "{path}: larger than the {limit} limit, not read (--max-size raises it)",
        "load.memory": "{path}: too large to read",
        "load.empty": "{path}: the file is empty",
        "load.damaged": "{path}: damaged or unreadable {format} file ({detail})",
        "load.no_text": "{path}: no text found in this {format} file",
        "load.no_text_pdf": "{path}: no text found in this {format} file (a scanned PDF has no text layer: "
                            "run OCR on it first)",
        "load.foreign": "{path}: this is {what}, not a report",
        "load.mislabelled": "{path}: not {a_format} file (its content does not match the {suffix} extension, and it "
                            "is not text either); the file may be damaged or mislabelled",
        "load.web_page_named": "{path}: not {a_format} file: it is a web page (an error page saved instead of the "
                               "report?); if it is the report, rename it to .html",
        "load.text_named": "{path}: not {a_format} file: it holds plain text (a failed download? if it is a text "
                           "report, rename it to .txt)",
        "load.zip_damaged": "{path}: damaged file (a zip package that cannot be opened; Word .docx and Excel .xlsx "
                            "files are zip packages)",
        "load.powerpoint": "{path}: this is a PowerPoint presentation, not a report",
        "load.opendocument": "{path}: this is an OpenDocument file; save it as .docx or .xlsx",
        "load.office_damaged": "{path}: damaged Office file (its main part is missing)",
        "load.zip_archive": "{path}: this is a zip archive, not a report; unpack it and check the files inside",
        "load.ole_damaged": "{path}: damaged Office file (an OLE2 container that cannot be opened)",
        "load.office_password": "{path}: password-protected Office file; remove the password (save an unprotected "
                                "copy) and check that",
        "load.legacy_doc": "{path}: this is a legacy Word .doc file; save it as .docx and check that",
        "load.office_unknown": "{path}: an Office container the auditor cannot read (no Word or Excel content)",
        "load.docx_no_main": "{path}: not a Word .docx package (the main document part is missing)",
        "load.html_unreadable": "{path}: not a readable web page ({detail})",
        "load.pdf_password": "{path}: password-protected PDF; open it with its password, save an unprotected copy "
                             "and check that",
        "load.pdf_damaged": "{path}: damaged PDF ({detail})",
        "load.pdf_fonts": "{path}: this PDF's fonts do not say which characters they draw (no ToUnicode map), so "
                          "its text cannot be read; run OCR on it first",
        "load.xlsx_missing_part": "{path}: damaged Excel .xlsx file (missing part {detail})",
        "load.xls_password": "{path}: password-protected Excel file; remove the password and check that",
        "load.xls_damaged": "{path}: damaged or unreadable Excel .xls file ({detail})",
        "load.bad_bom": "{path}: starts like {codec} text but is not valid {codec}",
        "load.binary": "{path}: looks like a binary file, not a text report",
        "load.encoding": "{path}: cannot tell the text encoding (tried UTF-8, GB18030, Big5 and detection)",
        "load.internal_read": "{path}: internal error while reading ({detail})",
        "load.internal_check": "{path}: internal error while checking ({detail}); please report it with this file",
        "load.internal": "{path}: internal error ({detail})",
        "format.pdf": "PDF", "format.docx": "Word .docx", "format.xlsx": "Excel .xlsx", "format.xls": "Excel .xls",
        "format.html": "web page", "format.txt": "text",
        "what.png": "a PNG image", "what.jpeg": "a JPEG image", "what.gif": "a GIF image", "what.tiff": "a TIFF image",
        "what.rar": "a RAR archive", "what.7z": "a 7-Zip archive", "what.gzip": "a gzip archive",
        "what.rtf": "an RTF document (save it as .docx)", "what.empty_zip": "an empty zip archive",
        "size.bytes": "{n} bytes", "reason.permission": "permission denied", "reason.io": "input/output error",
        "reason.no_space": "no space left on device", "reason.quota": "disk quota exceeded",
        "reason.read_only": "read-only file system", "reason.name_too_long": "file name too long",
        "reason.is_folder": "is a folder", "reason.not_folder": "a part of the path is not a folder",
        "reason.missing": "no such file or folder", "reason.link_loop": "too many levels of symbolic links",
        "reason.too_many_open": "too many open files", "reason.busy": "the file is busy",
        "reason.pipe": "broken pipe",
        "input.folder_unreadable": "{path}: cannot read this folder ({reason})",
        "input.dangling_link": "{path}: a symbolic link that loops or leads nowhere",
        "input.missing": "{path}: no such file or folder",
        "input.no_reports": "{path}: no reports in this folder (looked for {looked})",
        "input.no_reports_matching": "{path}: no reports in this folder matching {globs} (looked for {looked})",
        "input.with_many": "--with attaches files to one report; {n} reports were given (use --together to check "
                           "several files as one document)",
        "input.with_missing": "{path}: no such file (given with --with)",
        "input.no_stdin": "-: no standard input to read",
        "input.stdin_terminal": "-: standard input is a terminal; pipe a report into it (audit - < report.txt)",
        "input.stdin_too_large": "-: standard input holds more than the {limit} limit (--max-size raises it)",
        "input.annotate_stdin": "--annotate writes comments into a copy of a file; standard input has none",
        "input.annotate_many": "--annotate writes comments into one report; {n} reports were given",
        "annotate.format": "--annotate writes comments into Word .docx and Excel .xlsx files; {path} is {a_format} "
                           "file (use --format html for a page to share)",
        "annotate.original": "--annotate {path}: that is the file being checked; name a copy (the original is never "
                             "changed)",
        "annotate.suffix": "--annotate {path}: the copy of {a_format} file must end in {suffix}",
        "annotate.folder": "--annotate {path}: is a folder; name the annotated copy's file",
        "annotate.damaged": "--annotate {path}: cannot write the annotated copy, its part {part} is damaged",
        "config.cannot_read": "{path}: cannot read the configuration ({reason})",
        "config.not_toml": "{path}:{line}: not valid TOML: {problem}",
        "config.missing": "{path}: no such configuration file",
        "config.no_tool_audit": "{path}:1: no [tool.audit] table in this pyproject.toml",
        "annotate.expected": "should be {value}",
        "annotate.stated": "stated {value}",
        "annotate.author": "audit",
        "annotate.ignore_hint": "If this is correct: add a comment starting “audit: ignore {rule} reason” on this "
                                "figure and the next check will not report it",
        "rich.stated_expected": "stated {stated} → expected {expected}",
        "rich.expected": "expected {expected}",
        "text.expected": " (expected {expected})",
        "html.title": "Audit report", "html.files": "{n} files", "html.severity": "Severity", "html.rule": "Rule",
        "html.shown": "Showing", "html.of": "of", "html.findings": "findings", "html.legend_primary": "figure reported",
        "html.legend_evidence": "other figures of the arithmetic", "html.generated": "generated by audit {version}",
        "html.none_shown": "no finding matches the filters", "html.full_text": "full text",
        "html.index": "Files, worst first", "html.filter": "Filter files", "html.filter_placeholder": "part of a file name",
        "html.only_findings": "only files with findings", "html.clean": "no contradictions found",
        "html.files_shown": "showing {shown} of {total} files",
        "cat.id": "ID", "cat.name": "name", "cat.severity": "severity", "cat.on": "on", "cat.checks": "checks",
        "cat.yes": "yes", "cat.no": "off", "cat.overridden": "* severity set by the configuration",
        "cat.relation": "Relation", "cat.why": "Why", "cat.source": "Source", "cat.params": "Parameters",
        "cat.passes": "Passes", "cat.fails": "Fails", "cat.cites": "cites", "cat.gives": "finding",
        "cat.applies": "Applies to", "cat.explained": "another reading holds",
        "cat.alt_passes": "The reading explains it (no error)", "cat.alt_fails": "The reading does not hold (the error stands)",
        "cat.not_explained": "not explained by this reading",
        "cat.alt_doubts": "The reading is in doubt (a warning, not an error)", "cat.doubted": "a warning",
        "cat.alt_stands": "The reading is not in doubt (the error stands)",
        "cat.no_finding": "✗ this example gives no finding: the rule does not do what it documents",
        "cat.unexpected": "✗ this example should pass but gives a finding", "cat.file": "Rule file",
        "cat.count": "{n} rules, {on} enabled", "cat.place": "place", "cat.text": "text", "cat.concept": "concept",
        "cat.value": "value", "cat.unit": "unit", "cat.period": "period", "cat.scenario": "scenario",
        "cat.label": "label", "cat.previous": "previous year", "cat.earlier": "year before last", "cat.facts": "{n} figures",
        "cat.nearest": "no rule {rule}; did you mean {nearest}? (`audit rules` lists them)",
        "cat.no_rule": "no rule {rule}; `audit rules` lists them",
        "cli.config": "configuration: {path}",
        "cli.isolated_and_config": "--isolated and --config cannot be used together",
        "cli.stopped": "stopped",
        "cli.cannot_write": "{path}: cannot write ({reason})",
        "cli.no_folder": "{path}: the folder {folder} does not exist",
        "cli.not_a_folder": "{path}: {folder} is not a folder",
        "cli.folder_not_writable": "{path}: no permission to write in the folder {folder}",
        "cli.is_a_folder": "{path}: is a folder, not a file",
        "cli.overwrites_input": "{option} {path} would overwrite {input}, a file being checked; write it elsewhere",
        "cli.same_target": "{first} and {second} are the same file {path}",
        "cli.skipped_own": "skipped {path}: a report audit wrote, not a report to check",
        "cli.nothing_left": "no reports to check besides the reports audit wrote",
        "cli.too_deep": "{path}: nested too deeply to read",
        "cli.worker_died": "{path}: the process checking this file died (out of memory or a crash in a library)",
        "cli.param_type": "parameter {param} of {rule} must be {expected}, not {value}",
        "cli.template": "message.{which} is not a usable message template: {problem}",
        "type.int": "a whole number, 0 or more", "type.number": "a number", "type.text": "a text",
        "type.texts": "a list of texts", "type.bands": "a table of grade = lowest score (numbers)",
        "type.choice": "one of {choices}",
        "template.braces": "unbalanced braces (write a literal brace as {{ or }})",
        "template.field": "the placeholder {{{field}}} must be a plain name such as {{label}}",
        "config.unknown_setting": "unknown setting {key}{hint}",
        "config.did_you_mean": " (did you mean '{name}'?)",
        "config.known": " (known: {names})",
        "config.severity_value": "severity of {rule} must be one of {choices}, not {value}",
        "config.lang_value": "lang must be one of {choices}, not {value}",
        "config.fail_on_value": "fail-on must be one of {choices}, not {value}",
        "config.expected": "{key} must be {expected}, not {value}",
        "config.missing_key": "missing {key}",
        "config.too_short": "{key} must have at least {n} item(s)",
        "config.unusable": "{key}: the value {value} cannot be used",
        "config.empty_name": "concept {name}: names and synonyms must not be empty",
        "config.no_match": "{pattern} matches no rule (`audit rules` lists them)",
        "config.no_match_severity": "{pattern} matches no rule",
        "config.no_rule": "no rule {rule}",
        "config.unknown_grade": "unknown grade {name} (grades: {grades})",
        "config.grade_limit": "the lower limit of {name} must be between 0 and 100, not {lower}",
        "config.no_family": "params.family: no family {family} in the vocabulary{hint}; families: {families}",
        "config.defaults": "configuration: defaults (no audit.toml found)",
        "type.list": "a list", "type.table": "a table", "type.whole": "a whole number", "type.bool": "true or false",
        "reason.not_utf8": "not UTF-8 text",
        "rule.cannot_read": "{path}:1: cannot read the rule file ({reason})",
        "rule.unknown_key": "unknown key {key}{hint}",
        "rule.no_examples": "missing the examples: every rule needs at least one [[examples.pass]] and one "
                            "[[examples.fail]] (they are its tests and its documentation)",
        "rule.missing_examples": "missing [[examples.{which}]]: every rule needs at least one passing and one "
                                 "failing example",
        "rule.missing_key": "missing key '{key}'",
        "rule.too_few_examples": "[[examples.{which}]] needs at least one example",
        "rule.severity": "severity {value} is not one of {choices}",
        "rule.id": "id {value} must be 2-4 capital letters and 3 digits, e.g. 'SUM101'",
        "rule.name": "name {value} must be lower-case words joined by hyphens, e.g. 'grant-identity'",
        "rule.message_zh": "{key}: message needs a 'zh' entry (and may have 'en')",
        "rule.unknown_kind": "unknown kind {kind}{hint}; known kinds: {kinds}",
        "rule.needs_stated": "a failing example needs `stated`: the figure its finding must cite",
        "rule.stated_absent": "stated {stated} does not occur in the example's text",
        "rule.folder_missing": "{folder}: rule folder not found",
        "rule.duplicate_id": "{path}:1: rule id {rule} is already used by {other}",
        "baseline.missing": "{path}: no such baseline file (write one with --write-baseline)",
        "baseline.cannot_read": "{path}: cannot read the baseline ({reason})",
        "baseline.not_json": "{path}:{line}: not a baseline file: {problem}",
        "baseline.foreign": "{path}: not a baseline file written by `audit --write-baseline`",
        "baseline.version": "{path}: baseline version {version} is not supported (this audit reads version "
                            "{supported}); write it again",
        "baseline.no_fingerprint": "{path}: a baseline entry has no fingerprint",
        "toml.column": "{problem} (column {column})",
        "toml.invalid_statement": "Invalid statement",
        "toml.expected_newline": "Expected newline or end of document after a statement",
        "toml.expected": "Expected {what}", "toml.invalid_character": "Found invalid character {what}",
        "toml.declared_twice": "Cannot declare {key} twice", "toml.overwrite": "Cannot overwrite a value",
        "toml.table_end": "Expected ']' at the end of a table declaration",
        "toml.immutable": "Cannot mutate immutable namespace {key}",
        "toml.array_end": "Expected ']]' at the end of an array declaration",
        "toml.redefine": "Cannot redefine namespace {key}",
        "toml.expected_equals": "Expected '=' after a key in a key/value pair",
        "toml.key_start": "Invalid initial character for a key part", "toml.unclosed_array": "Unclosed array",
        "toml.duplicate_key": "Duplicate inline table key {key}", "toml.unclosed_table": "Unclosed inline table",
        "toml.backslash": "Unescaped '\\' in a string", "toml.hex": "Invalid hex value",
        "toml.scalar": "Escaped character is not a Unicode scalar value", "toml.unterminated": "Unterminated string",
        "toml.illegal": "Illegal character {what}", "toml.date": "Invalid date or datetime",
        "toml.invalid_value": "Invalid value",
        "json.value": "Expecting value", "json.name": "Expecting property name enclosed in double quotes",
        "json.colon": "Expecting ':' delimiter", "json.comma": "Expecting ',' delimiter", "json.extra": "Extra data",
        "json.unterminated": "Unterminated string", "json.control": "Invalid control character",
        "json.escape": "Invalid escape", "json.trailing_comma": "Illegal trailing comma",
        "usage.see_help": " (see `{command} --help`)",
        "usage.no_such_option": "No such option '{option}'.",
        "usage.did_you_mean": " Did you mean '{choice}'?",
        "usage.did_you_mean_one_of": " (Did you mean one of: {choices}?)",
        "usage.missing_argument": "Missing argument '{name}'.",
        "usage.missing_option": "Missing option '{name}'.",
        "usage.requires_value": "Option '{option}' requires an argument.",
        "usage.takes_no_value": "Option '{option}' does not take a value.",
        "usage.extra_arguments": "Got unexpected extra arguments ({args})",
        "usage.extra_arguments.one": "Got unexpected extra argument ({args})",
        "usage.invalid_choice": "Invalid value for '{option}': {value} is not one of {choices}.",
        "usage.invalid_int": "Invalid value for '{option}': {value} is not a whole number.",
        "usage.int_min": "Invalid value for '{option}': {value} is less than {min}.",
        "usage.is_folder": "Invalid value for '{option}': {value} is a folder, not a file.",
        "usage.not_writable": "Invalid value for '{option}': {value} is not writable.",
        "usage.not_readable": "Invalid value for '{option}': {value} is not readable.",
        "usage.invalid_value": "Invalid value for '{option}': {value}.",
        "usage.invalid_because": "Invalid value for '{option}': {problem}",
        "usage.no_arguments": "give a report to check, e.g. `audit report.txt`",
        "usage.other": "{problem}",
        "size.invalid": "not a size: {value} (write e.g. 20MB, 500KB or a number of bytes)",
        "size.not_positive": "not a size: {value} (it must be more than 0)",
    },
}


def language(lang: str | None) -> str:
    """A supported language; anything else reads English."""
    return lang if lang in CATALOGUE else "en"


def text(lang: str | None, key: str, /, **values: Any) -> str:
    """The words for `key` in `lang`, with {placeholders} filled in."""
    words = CATALOGUE[language(lang)][key]
    return words.format(**values) if values else words


def warning(lang: str | None, key: str, values: Mapping[str, Any]) -> str:
    """A loader's or a folder walk's warning (key and values) in words; the ".one"
    form when it counts one thing."""
    table = CATALOGUE[language(lang)]
    if values.get("n") == 1 and f"{key}.one" in table:
        key = f"{key}.one"
    return table[key].format(**values)


def size(lang: str | None, n: int) -> str:
    """A size in bytes as words: '20 MB', '1.5 KB', '100 字节'."""
    for unit, factor in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if n >= factor:
            return f"{n / factor:.1f}".removesuffix(".0") + f" {unit}"
    return text(lang, "size.bytes", n=n)


# the system's common reasons (its own words are English whatever the language); a rarer one as it says it
_REASONS = {getattr(errno, name): key for name, key in (
    ("EPERM", "reason.permission"), ("EACCES", "reason.permission"), ("EIO", "reason.io"),
    ("ENOSPC", "reason.no_space"), ("EDQUOT", "reason.quota"), ("EROFS", "reason.read_only"),
    ("ENAMETOOLONG", "reason.name_too_long"), ("EISDIR", "reason.is_folder"), ("ENOTDIR", "reason.not_folder"),
    ("ENOENT", "reason.missing"), ("ELOOP", "reason.link_loop"), ("EMFILE", "reason.too_many_open"),
    ("ENFILE", "reason.too_many_open"), ("EBUSY", "reason.busy"), ("EPIPE", "reason.pipe")) if hasattr(errno, name)}


def os_reason(lang: str | None, exc: OSError) -> str:
    """Why the system refused, in the language when it is a common reason, else as the system said it."""
    key = _REASONS.get(getattr(exc, "errno", None) or 0)
    return text(lang, key) if key else str(exc.strerror or exc)


def load_error(lang: str | None, key: str, params: Mapping[str, Any]) -> str:
    """A file's one-line error (auditor.load.LoadError) in words: the values that have words of
    their own ("kind", "what", "format", "limit", "errno") rendered in the language too."""
    lang = language(lang)
    values = dict(params)
    if "kind" in values:
        values["kind"] = text(lang, f"kind.{values['kind']}")
    if "what" in values:
        values["what"] = text(lang, f"what.{values['what']}")
    if "format" in values:
        name = text(lang, f"format.{values['format']}")
        values["format"] = name
        values["a_format"] = (f"an {name}" if name[:1] in "AEIOU" else f"a {name}") if lang == "en" else name
    if "limit" in values:
        values["limit"] = size(lang, values["limit"])
    if "errno" in values:
        reason = _REASONS.get(values.pop("errno") or 0)
        if reason:
            values["reason"] = text(lang, reason)
    return warning(lang, key, values)


def count(lang: str | None, key: str, n: int) -> str:
    """A counted phrase: "2 errors", "1 error", "2 个错误"."""
    table = CATALOGUE[language(lang)]
    return table[f"{key}.one" if n == 1 and f"{key}.one" in table else key].format(n=n)


def role(lang: str | None, key: str) -> str:
    """An evidence role ("total change") in words; an unknown role (a user's rule kind) as it is."""
    return CATALOGUE[language(lang)].get("role." + key.replace(" ", "_"), key)


def severity(lang: str | None, key: str) -> str:
    return CATALOGUE[language(lang)]["severity." + key]


def place_text(place: Mapping[str, Any], lang: str | None = "en") -> str:
    """A place in the original file as short words: 'page 3', '第12段', '评分表!C5',
    'table 2 row 3 cell 4', 'line 12, column 5' (with its file first for an attachment)."""
    if not place:
        return ""
    lang = language(lang)
    parts: list[str] = []
    if "file" in place:
        parts.append(str(place["file"]))
    if "sheet" in place:
        if place.get("cell"):
            parts.append(f"{place['sheet']}!{place['cell']}")
        elif "row" in place:
            parts.append(text(lang, "place.sheet_row", sheet=place["sheet"], n=place["row"]))
        else:
            parts.append(str(place["sheet"]))
        return text(lang, "place.join").join(parts)
    if "page" in place:
        parts.append(text(lang, "place.page", n=place["page"]))
    if "paragraph" in place:
        parts.append(text(lang, "place.paragraph", n=place["paragraph"]))
    if "table" in place:
        where = [text(lang, "place.table", n=place["table"])]
        if "row" in place:
            where.append(text(lang, "place.row", n=place["row"]))
        if "cell" in place:
            where.append(text(lang, "place.cell", n=place["cell"]))
        parts.append(" ".join(where))
    if "line" in place and "table" not in place:
        if "column" in place:
            parts.append(text(lang, "place.line_column", line=place["line"], column=place["column"]))
        else:
            parts.append(text(lang, "place.line", n=place["line"]))
    return text(lang, "place.join").join(parts)


def names(lang: str | None, items, quote: bool = False) -> str:
    """Names in a list: 'error, warning, info' (quote: "'rich', 'text'"); in Chinese
    '`error`、`warning`、`info`' (a name is not a word to translate)."""
    if language(lang) == "zh":
        return "、".join(f"`{item}`" for item in items)
    return ", ".join(repr(item) if quote else str(item) for item in items)


# What tomllib and json say about a file they cannot parse, by pattern → the catalogue's key.
# A message not listed (a newer library's) is shown as the library said it.
_PARSERS: dict[str, tuple[tuple[str, str], ...]] = {
    "toml": (
        (r"Invalid statement", "toml.invalid_statement"),
        (r"Expected newline or end of document after a statement", "toml.expected_newline"),
        (r"Expected ']' at the end of a table declaration", "toml.table_end"),
        (r"Expected ']]' at the end of an array declaration", "toml.array_end"),
        (r"Expected '=' after a key in a key/value pair", "toml.expected_equals"),
        (r"Expected (?P<what>.+)", "toml.expected"),
        (r"Found invalid character (?P<what>.+)", "toml.invalid_character"),
        (r"Cannot declare (?P<key>.+) twice", "toml.declared_twice"),
        (r"Cannot overwrite a value", "toml.overwrite"),
        (r"Cannot mutate immutable namespace (?P<key>.+)", "toml.immutable"),
        (r"Cannot redefine namespace (?P<key>.+)", "toml.redefine"),
        (r"Invalid initial character for a key part", "toml.key_start"),
        (r"Unclosed array", "toml.unclosed_array"),
        (r"Duplicate inline table key (?P<key>.+)", "toml.duplicate_key"),
        (r"Unclosed inline table", "toml.unclosed_table"),
        (r"Unescaped '\\' in a string", "toml.backslash"),
        (r"Invalid hex value", "toml.hex"),
        (r"Escaped character is not a Unicode scalar value", "toml.scalar"),
        (r"Unterminated string", "toml.unterminated"),
        (r"Illegal character (?P<what>.+)", "toml.illegal"),
        (r"Invalid date or datetime", "toml.date"),
        (r"Invalid value", "toml.invalid_value"),
    ),
    "json": (
        (r"Expecting value", "json.value"),
        (r"Expecting property name enclosed in double quotes", "json.name"),
        (r"Expecting ':' delimiter", "json.colon"),
        (r"Expecting ',' delimiter", "json.comma"),
        (r"Extra data", "json.extra"),
        (r"Unterminated string.*", "json.unterminated"),
        (r"Invalid control character.*", "json.control"),
        (r"Invalid \\.*escape.*", "json.escape"),
        (r"Illegal trailing comma.*", "json.trailing_comma"),
    ),
}


def _dotted(value: str) -> str:
    """tomllib names a key as a tuple, "('severity', 'SUM001')": as the file writes it, severity.SUM001."""
    import ast

    if value.startswith("(") and value.endswith(")"):
        try:
            parts = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return value
        if isinstance(parts, tuple) and all(isinstance(p, str) for p in parts):
            return ".".join(parts)
    return value


def parser_problem(lang: str | None, parser: str, said: str) -> str:
    """What a parser ("toml", "json") said about a file, in the language of the run."""
    import re

    for pattern, key in _PARSERS[parser]:
        match = re.fullmatch(pattern, said.strip(), re.DOTALL)
        if match:
            return text(lang, key, **{k: _dotted(v) for k, v in match.groupdict().items()})
    return said


# `--help` of every command, in the language of the run (auditor/cli.py `_Help` renders it):
# help.COMMAND the description, help.COMMAND.short its line in `audit --help`, help.COMMAND.PARAM an
# option of one command, help.option.PARAM an option several commands share, help.example.* the
# examples of `audit --help` (the commands themselves are not words and stay in cli.py).
CATALOGUE["zh"].update({
    "help.usage": "用法：", "help.options": "选项", "help.commands": "命令", "help.arguments": "参数",
    "help.default": "默认：{default}", "help.required": "必需", "help.extra": "［{items}］",
    "help.audit": "检查中文财政报告（预算、决算、绩效评价……）中相互矛盾的数字。",
    "help.audit.more": "`audit check --help` 列出检查的全部选项。`audit -` 从标准输入读取报告。"
                       "命令行补全：见 `README.md`。",
    "help.example.one": "检查一个报告（同 `audit check report.txt`）",
    "help.example.folder": "检查文件夹中的每个报告",
    "help.example.json": "以 `json` 格式输出",
    "help.example.rules": "列出规则；`audit explain RAT001` 说明一条规则",
    "help.example.facts": "列出读到的数字",
    "help.check": "检查报告，列出每一处矛盾及其数字、算式和位置。\n\n`FILE` 为 `-` 时从标准输入读取报告。",
    "help.check.short": "检查报告，列出每一处矛盾",
    "help.rules": "列出每条规则：编号、名称、级别、是否运行、检查什么。\n\n"
                  "内置规则以及 `--rules` 文件夹和 `audit.toml` 中的规则，按配置设定的级别和选择。",
    "help.rules.short": "列出规则",
    "help.explain": "说明一条规则：它核对的关系、理由、出处和示例，以及检查器在示例上的结果。\n\n"
                    "规则的某个示例与文档不符时退出状态为 1（编写规则文件时有用）。",
    "help.explain.short": "说明一条规则及其示例",
    "help.facts": "列出读到的数字：位置、原文、概念、数值、单位、期间、口径。\n\n"
                  "可以给出文件和文件夹（其中的每个报告）；`-o figures.csv` 把每个文件的每个数字写成一张表，"
                  "可直接用电子表格打开。",
    "help.facts.short": "列出读到的数字",
    "help.relations": "列出 `FILE` 中核对的每个关系：规则、结论（成立、不符、无法判定、另有解读）、"
                      "这样读的依据，以及所涉及的数字。",
    "help.relations.short": "列出核对的每个关系",
    "help.option.help": "显示本帮助并退出。",
    "help.option.version": "显示版本并退出。",
    "help.option.lang": "信息的语言［默认：`zh`，或 `audit.toml` 中的 `lang`］。",
    "help.option.config_file": "从这个 `audit.toml` 或 `pyproject.toml` 读取设置［默认：最近的一个］。",
    "help.option.isolated": "忽略所有 `audit.toml` 和 `[tool.audit]`。",
    "help.option.rule_dirs": "另外加载 `DIR` 中的规则文件（可重复）。",
    "help.check.fmt": "输出格式［默认：按 `-o` 文件的扩展名，否则终端上为 `rich`，其他情况为 `text`］。",
    "help.check.lang": "信息的语言［默认：`zh`，或 `audit.toml` 中的 `lang`］。",
    "help.check.fail_on": "发现此级别或更严重的问题时退出状态为 1［默认：`error`］。",
    "help.check.output": "把报告写入这个文件而不是标准输出（扩展名 `.html`、`.json`、`.sarif`、`.csv`、`.md` 决定格式）；"
                         "总计仍显示在终端上。",
    "help.check.annotate_to": "把发现作为批注写入 `COPY`，即所检查的 .docx 或 .xlsx 的副本（原文件不改动）。",
    "help.check.quiet": "只列出有发现的文件（汇总仍计入全部文件）。",
    "help.check.explained": "另外以提示（`info`）显示按所读不成立、但文本的另一种合理解读可以解释的关系"
                            "（`audit explain ALT001` …… 说明每种解读）。",
    "help.check.color": "强制开启或关闭颜色（`rich` 格式）［默认：在终端上开启，除非设置了 `NO_COLOR`］。",
    "help.check.config_file": "从这个 `audit.toml` 或 `pyproject.toml` 读取设置［默认：输入文件之上最近的一个］。",
    "help.check.isolated": "忽略所有 `audit.toml` 和 `[tool.audit]`：只用内置设置和命令行。",
    "help.check.select": "只检查这些规则：编号或编号前缀，以逗号分隔（取代 `audit.toml` 的 `select`）。",
    "help.check.ignore": "不检查这些规则（加在 `audit.toml` 的 `ignore` 之上）。",
    "help.check.baseline_file": "隐藏这个基线文件已接受的发现；只显示新的发现。",
    "help.check.write_baseline": "把当前的全部发现写入这个基线文件（退出状态为 0）。",
    "help.check.attachments": "报告的附件（评分表.xlsx ……），与报告作为一个文档一起检查（可重复）。",
    "help.check.together": "把给出的全部文件作为一个文档检查（一个部门的各个文件）。",
    "help.check.globs": "在文件夹中只检查与 `PATTERN` 匹配的文件，如 '*.pdf' 或 '2023/*'（可重复）。",
    "help.check.jobs": "并行检查的文件数［默认：每 512 KB 输入一个，最多为全部核心数］。",
    "help.check.progress": "在标准错误上显示进度条［默认：在终端上检查多个文件时］。",
    "help.check.max_size": "拒绝大于 `SIZE` 的文件（如 `500KB`、`50MB`）；每个这样的文件报告为无法读取，其余照常检查。",
    "help.facts.fmt": "输出格式［默认：按 `-o` 文件的扩展名，否则终端上为 `rich`，其他情况为制表符分隔的文本］。",
    "help.facts.output": "把数字写入这个文件（.csv 供电子表格使用，或 .json）。",
    "help.facts.attachments": "报告的附件，与报告作为一个文档一起读取（可重复）。",
    "help.facts.globs": "在文件夹中只读取与 `PATTERN` 匹配的文件。",
    "help.facts.jobs": "并行读取的文件数。",
    "help.relations.fmt": "输出格式［默认：终端上为 `rich`，其他情况为制表符分隔的文本］。",
})
CATALOGUE["en"].update({
    "help.usage": "Usage: ", "help.options": "Options", "help.commands": "Commands", "help.arguments": "Arguments",
    "help.default": "default: {default}", "help.required": "required", "help.extra": "  [{items}]",
    "help.audit": "Check Chinese public-finance reports for numbers that contradict each other.",
    "help.audit.more": "Run `audit check --help` for all options of a check.  `audit -` reads a "
                       "report from standard input.  Shell completion: see the README.",
    "help.example.one": "check one report (same as `audit check report.txt`)",
    "help.example.folder": "check every report in a folder",
    "help.example.json": "the findings as JSON",
    "help.example.rules": "list the rules;  `audit explain RAT001` for one rule",
    "help.example.facts": "show the figures the auditor read",
    "help.check": "Check reports and list every contradiction with its numbers, arithmetic and place.\n\n"
                  "FILE may be - to read a report from standard input.",
    "help.check.short": "Check reports and list every contradiction",
    "help.rules": "List every rule: ID, name, severity, whether it runs, and what it checks.\n\n"
                  "Built-in rules and the rules of --rules folders and audit.toml, with the "
                  "severities and selection the configuration sets.",
    "help.rules.short": "List the rules",
    "help.explain": "Show a rule's relation, rationale, source and examples, with what the checker finds on them.\n\n"
                    "Exit status 1 when one of the rule's examples does not behave as documented "
                    "(useful when writing a rule file).",
    "help.explain.short": "Show a rule and its examples",
    "help.facts": "Print the figures the auditor read: place, text, concept, value, unit, period, scenario.\n\n"
                  "Takes files and folders (every report in them); `-o figures.csv` writes one "
                  "table of every figure of every file, ready for a spreadsheet.",
    "help.facts.short": "Print the figures the auditor read",
    "help.relations": "Print every relation checked in FILE: rule, verdict (holds, fails, undecided, "
                      "explained), why the auditor read it so (its reason), and the figures it relates.",
    "help.relations.short": "Print every relation checked",
    "help.option.help": "Show this message and exit.",
    "help.option.version": "Show the version and exit.",
    "help.option.lang": "Language [default: zh, or `lang` in audit.toml].",
    "help.option.config_file": "Read settings from this audit.toml or pyproject.toml [default: the nearest one].",
    "help.option.isolated": "Ignore every audit.toml and [tool.audit].",
    "help.option.rule_dirs": "Also load the rule files in DIR (repeatable).",
    "help.check.fmt": "Output format [default: from the -o file's extension, else rich on a terminal, text otherwise].",
    "help.check.lang": "Language of the messages [default: zh, or `lang` in audit.toml].",
    "help.check.fail_on": "Exit with status 1 when a finding of this severity or worse is found [default: error].",
    "help.check.output": "Write the report to this file instead of standard output (.html, .json, .sarif, .csv, .md "
                         "pick the format); the grand total still goes to the terminal.",
    "help.check.annotate_to": "Write the findings as comments into COPY, a copy of the .docx or .xlsx being checked "
                              "(the original is never changed).",
    "help.check.quiet": "List only the files with findings (the summary counts them all).",
    "help.check.explained": "Also show, as notes (info), relations that fail as read but that another plausible "
                            "reading of the text explains (`audit explain ALT001` … describes each reading).",
    "help.check.color": "Force colours on or off (rich format) [default: on a terminal, unless NO_COLOR is set].",
    "help.check.config_file": "Read settings from this audit.toml or pyproject.toml "
                              "[default: the nearest one above the input].",
    "help.check.isolated": "Ignore every audit.toml and [tool.audit]: built-in settings and the command line only.",
    "help.check.select": "Check only these rules: IDs or ID prefixes, comma-separated "
                         "(replaces `select` of audit.toml).",
    "help.check.ignore": "Do not check these rules (adds to `ignore` of audit.toml).",
    "help.check.baseline_file": "Hide the findings accepted in this baseline file; show only new ones.",
    "help.check.write_baseline": "Write every current finding to this baseline file (and exit 0).",
    "help.check.attachments": "An attachment of the report (e.g. a score sheet), checked with it as one document "
                              "(repeatable).",
    "help.check.together": "Check all the given files as one document (one department's files).",
    "help.check.globs": "In folders, check only the files matching PATTERN, e.g. '*.pdf' or '2023/*' (repeatable).",
    "help.check.jobs": "Files checked in parallel [default: one per 512 KB of input, at most every core].",
    "help.check.progress": "Progress bar on stderr [default: when several files are checked on a terminal].",
    "help.check.max_size": "Refuse files larger than SIZE (e.g. 500KB, 50MB); each is reported as unreadable and "
                           "the rest are checked.",
    "help.facts.fmt": "Output format [default: from the -o file's extension, else rich on a terminal, "
                      "tab-separated text otherwise].",
    "help.facts.output": "Write the figures to this file (.csv for a spreadsheet, .json).",
    "help.facts.attachments": "An attachment of the report, read with it as one document (repeatable).",
    "help.facts.globs": "In folders, only files matching PATTERN.",
    "help.facts.jobs": "Files read in parallel.",
    "help.relations.fmt": "Output format [default: rich on a terminal, tab-separated text otherwise].",
})
