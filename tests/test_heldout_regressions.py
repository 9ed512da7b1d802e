"""Findings a reviewer would dismiss, and misses, found by running the auditor on
reports it had never seen (five held-out reviews, 117 real pages in all).  Each case
is the smallest text that showed the problem; the expected outcome is what a careful
reviewer says."""

from __future__ import annotations

import pytest

from auditor.pipeline import audit_text

SILENT = {
    "table row labels are not headings": (
        "一、一般公共预算财政拨款收入\n1\n440.55\n一、一般公共服务支出\n29\n423.20\n"
        "二、政府性基金预算财政拨款收入\n2\n0.00\n二、外交支出\n30\n0.00\n"),
    "去年…同比增加 is the figure's own year-on-year change": (
        "去年一般公共预算收入310682万元,同比增加23188万元,增长8.1%。"),
    "an item's own 共计 is not the total of the list before it": (
        "主要建设内容为道路建设141330平方米,路缘石6200米,边沟1200米;修缮小桥2座,拆除圬工共计114立方米;"),
    "差旅费共计 names its own total": "办公费5万元,印刷费3万元;差旅费共计2万元。",
    "an unpaid remainder is no base of a payment rate": (
        "安排资金19204.096万元。资金支付18501.096万元,未支703万元,支付率96.34%。"),
    "占调整预算数 may exceed 100 %": (
        "2022年度本级一般公共预算支出数为459989万元,占调整预算数115.8%,增支42991万元,增长10.3%。"),
    "收、支总计各增加 with a growth rate that agrees": (
        "2021年度收入总计1234.56万元,支出总计1234.56万元。与2020年相比,收、支总计各增加100.00万元,增长8.8%。"),
    "a one-item 其中 under a count is a subset, not a breakdown": (
        "国内公务接待共312批次(其中外事接待0批次)。公务接待共312批次,其中外事接待5批次。"),
    "其他项目支出 is the rest of 项目支出, not the same quantity": (
        "项目支出609.74万元,其他项目支出594.74万元。基本支出100万元,其他基本支出20万元。"),
    "a numbered list cut off by the end of the text may go on": (
        "“三公”经费支出决算总额为5.48万元。具体情况如下:\n(一)因公出国(境)费支出0万元。\n"
        "(二)公务用车购置及运行费支出3.98万元。其中:\n公务用车购置支出0万元。\n公务用车运行支出3.98万元。\n"),
    "a heading whose numeral was lost in extraction takes the next number": (
        "七、国有资本经营预算支出情况说明\n无。\n、政府采购预算安排情况\n无。\n、国有资产占用情况\n无。\n"
        "十、项目预算绩效情况\n无。\n"),
    "公务接待费 in the next paragraph is not a part of 公务用车购置及运行费": (
        "2020年行政事业单位执行公务,开展业务活动的公务用车购置及运行费决算支出785万元,较年初预算减少28%其中:公务用车购置费274万元,公务用车运行维护费511万元。\n2020年行政事业单位执行公务,以及开展业务活动的交通费、用餐费等公务接待费决算支出238万元,较年初预算下降42%。\n"),
    "完成预算的p% of an item whose own budget the text does not give": (
        "2017年度“三公”经费财政拨款支出年初预算为22.00万元,支出决算为8.77万元,完成预算的39.86%,其中:"
        "因公出国(境)费决算为0万元,完成预算的0%;公务用车购置及运行维护费支出决算为8.47万元,完成预算的60.50%;"
        "公务接待费支出决算为0.30万元,完成预算的3.75%。"),
    "减少d、降低p% that agree with the 三公经费 stated before": (
        "2017年度“三公”经费财政拨款支出年初预算为22.00万元,支出决算为8.77万元,完成预算的39.86%。\n"
        "2017年度“三公”经费财政拨款支出决算数比2016年度减少0.28万元,降低3.09%。"),
    "indicator weights without units are not summed outside a table": (
        "绩效指标(90分) 产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 "
        "时效指标按时发放率=100% 22.5 效益指标结余率≤5% 22.5 合计100"),
    "A和B分别为a和b,占X的p%和q%: shares pair in order": (
        "2019年全国政府采购规模为33067.0亿元。中央预算单位、地方预算单位政府采购规模分别为2666.3亿元和30400.7亿元,"
        "占全国政府采购规模的8.1%和91.9%。货物、工程、服务采购规模分别为8607.0亿元、15004.3亿元和9455.6亿元,"
        "占全国政府采购规模的26.0%、45.4%和28.6%。"),
    "13亿7,800万元 is one amount; a 其中 inside brackets ends with them": (
        "预算数13億7,800萬元(其中3.5億元奉行政院核定),決算數13億7,800萬元(含實現數7億580萬4千元、"
        "應付數1,236萬5千元、保留數6億5,983萬1千元),執行率為52.12%。"),
    "完成年初预算数X的p%: X is the whole of a share, not the subject of the change after it": (
        "1-4月,一般公共预算收入累计完成24627万元,完成年初预算数60999万元的40.4%,比上年减收1070万元,下降4.2%。"
        "其中:税收收入8103万元,比上年增收1284万元,增长18.8%;非税收入16524万元,比上年减收2354万元,下降12.5%。"),
    "a figure right after a lost character (?) may have lost a digit": (
        "一般公共服务支出?8639万元,较上年减支5273万元,下降9.8%。"),
    "a flattened 三公 table whose rows agree": (
        "经费项目 |\n2020年度支出 (万元) |\n支出减少情况(万元) |\n支出减少率 |\n"
        "因公出国(境)费 |\n0 |\n0 |\n0% |\n公务接待费 |\n71.53 |\n- |\n- |\n"
        "公务用车购置及运行维护费 |\n1857.23 |\n- |\n- |\n公务用车购置费 |\n423.81 |\n- |\n- |\n"
        "公务用车运行维护费 |\n1433.42 |\n- |\n- |\n总“三公”经费支出 |\n1928.76 |\n- |\n- |\n"),
    "weights beside scores are not one list with the total score": (
        "产出指标分值40分,得分38分;效益指标分值30分,得分28分;总得分96分。"),
    "sub-scores under a 其中 are not the whole list of a total score": (
        "决策指标得分18分,产出指标得分38分,其中数量指标20分,质量指标18分,总得分95分。"),
    "the year of a cited regulation (2022年修订) does not date the figures after it": (
        "根据《四川省预决算公开操作规程(2022年修订)》的有关规定,2025年全市“三公”经费预算总额为1969万元,"
        "较2024年的2190万元减少221万元,下降10.1%;其中:因公出国(境)经费40万元,较上年持平;公务接待费242万元,"
        "较上年减少12万元,下降4.7%;公务用车购置及运行维护费1687万元,较上年减少209万元,下降11%。"),
    "较2024年的X is the figure compared with, not the total of the list after it": (
        "“三公”经费预算总额为1969万元,较2024年的2190万元减少221万元,下降10.1%;其中:因公出国(境)经费40万元;"
        "公务接待费242万元;公务用车购置及运行维护费1687万元。"),
    "节约率 over the money actually spent plus the saving": (
        "2006年全国实际政府采购规模3681.6亿元,比上年增长25.8%,节约资金440.6亿元,节约率为10.7%。"),
    "占p% with no whole named: not of the budget when the parts are spent money": (
        "2019年度“三公”经费财政拨款支出决算为17.06万元,完成预算27万元的63.2%。\n"
        "2019年“三公”经费财政拨款支出决算中,因公出国(境)费7.8万元,占45.7%;公务用车购置及运行费支出7.5万元,"
        "占44.0%;公务接待费支出1.76万元,占10.3%。"),
    "分项目看 after two totals: which one the list splits is unclear": (
        "盟本级一般公共预算支出累计完成287998万元,同比减少99832万元,下降25.7%;旗级一般公共预算支出累计完成819317万元,"
        "同比增加86108万元,增长11.7%。分项目看,社会保障和就业支出累计完成101568万元,增长26.1%;"
        "城乡社区支出累计完成87945万元,增长44.4%;教育支出累计完成105297万元,增长19.7%。"),
    "占调整预算p% is of the part's own budget, not of the list's total": (
        "地方一般公共预算收入完成28,583万元。从收入分类来看,税收收入完成11,136万元,占调整预算90.75%;"
        "非税收入完成17,447万元,占调整预算117.66%。"),
    "完成预算X的p% of each part: no partition of 100 %": (
        "“三公”经费财政拨款支出决算为17.06万元,完成预算27万元的63.2%。其中:因公出国(境)费支出决算为7.8万元,"
        "完成预算10万元的78.0%;公务用车购置及运行费支出决算为7.5万元,完成预算12万元的62.5%;"
        "公务接待费支出决算为1.76万元,完成预算5万元的35.2%。"),
    "完成预算的p% of a transfer whose budget the text does not give": (
        "中央一般公共预算收入94887.14亿元,为预算的100%。\n"
        "从支出来看,中央本级支出35570.83亿元,完成预算的100%;中央对地方转移支付96941.82亿元,完成预算的98.9%。"),
    "占年初政府采购预算的p%: the money saved is no budget": (
        "省本级完成采购额50.07亿元。上半年国省道养护工程完成42.31亿元,占年初政府采购预算的94.5%。"
        "另外,上半年,全省政府采购节约资金70.11亿元,实现节约率11.9%。"),
    "收入合计 of the general budget and of the fund budget are two quantities": (
        "2021年全区一般公共预算收入完成147.1亿元。加上转移性收入49.2亿元,收入合计196.3亿元。\n\n"
        "2021全区政府性基金预算收入完成130.2亿元。加上转移性收入33.8亿元,收入合计164.0亿元。"),
    "决算比预算减少d beside a stated budget: the ordinary rate decides": (
        "2020年度项目支出667.9万元,年初预算项目支出667.9万元,决算比预算减少120万元,预算完成率82%。"),
}

FOUND = {
    "中央安排…/地方安排… parts of a total": (
        "全市财政直达资金总额75.20亿元,其中:中央安排直达资金61.02亿元,地方安排直达资金13.78亿元。",
        "SUM001", "75.20亿元"),
    "a payment rate against a budget stated in another sentence": (
        "安排资金19204.096万元。资金支付18501.096万元,支付率95%。", "RAT001", "95%"),
    "a 自评表 total row smaller than its 其中 row": (
        "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
        "年度资金总额: | 0 | 0 | 0 | 10 | 0 | 0 |\n"
        "其中:本年财政拨款 | 90 | 89.974 | 89.974 | | | |\n", "SUM001", "0"),
    "收、支总计各增加: the change continues the totals of the sentence before": (
        "2021年度收入总计1234.56万元,支出总计1234.56万元。与2020年相比,收、支总计各增加100.00万元,增长10.8%。",
        "CHG002", "10.8%"),
    "a numbered list that stops short, followed by the next heading, is still complete": (
        "“三公”经费支出决算总额为5.48万元。具体情况如下:\n(一)因公出国(境)费支出0万元。\n"
        "(二)公务用车购置及运行费支出3.98万元。\n公务用车运行支出3.98万元。\n四、其他说明\n无。\n",
        "SUM001", "5.48万元"),
    "…运行费决算支出: 费 + 支出 names that 费; its own 其中 list is checked": (
        "2020年行政事业单位执行公务,开展业务活动的公务用车购置及运行费决算支出785万元,较年初预算减少28%其中:公务用车购置费284万元,公务用车运行维护费511万元。\n2020年行政事业单位执行公务,以及开展业务活动的交通费、用餐费等公务接待费决算支出238万元,较年初预算下降42%。\n", "SUM001", "785万元"),
    "执行数 written without its unit, in a sentence of 万元 amounts": (
        "全年预算数1080245.79万元,全区执行数1032849.44(含中央资金689139.31万元,地方资金332524.99万元,"
        "其他资金11185.14万元),总预算执行率96.61%。", "RAT001", "96.61%"),
    "a bare 支出决算 continues the 三公经费 just named; 减少d、降低p% against it": (
        "2017年度“三公”经费财政拨款支出年初预算为22.00万元,支出决算为8.77万元,完成预算的39.86%。\n"
        "2017年度“三公”经费财政拨款支出决算数比2016年度减少0.28万元,降低3.19%。", "CHG002", "3.19%"),
    "完成预算的p%: a completion rate without the word 率": (
        "2020年度“三公”经费支出预算为30.8万元,支出决算为25.7万元,完成预算的84.44%。", "RAT001", "84.44%"),
    "占总支出的p% of a list's own total (支出合计)": (
        "2016年支出合计26,994.72万元,其中基本支出12,270.36万元,占总支出的45.46%,"
        "项目支出14,629.33万元,占总支出的54.19%。", "RAT002", "45.46%"),
    "分别为a和b,占X的p%和q%: the second share against the second amount": (
        "2019年全国政府采购规模为33067.0亿元。中央预算单位、地方预算单位政府采购规模分别为2666.3亿元和30400.7亿元,"
        "占全国政府采购规模的8.1%和93.9%。", "RAT002", "93.9%"),
    "13亿7,800万元 against its parts written in 亿、万 and 千": (
        "決算數13億7,800萬元(含實現數7億580萬4千元、應付數1,236萬5千元、保留數6億6,983萬1千元)。",
        "SUM001", "13億7,800萬元"),
    "同比增长p%,增收d: the amount completes the growth rate": (
        "地方一般公共预算收入(同口径)完成30,161万元,同比增长14.6%,增收4,376万元。", "CHG002", "14.6%"),
    "占年初预算X的p%: the whole written inside the share": (
        "1-5月,全县完成财政总收入4348万元,占年初预算10065万元的43.2%,同比下降6.5%。其中:税收收入3511万元,"
        "占年初预算8465万元的41.5%;非税收入837万元,占年初预算1600万元的55.3%。", "RAT002", "55.3%"),
    "其中 parts whose shares name their own wholes still add up": (
        "1-5月,全县完成财政总收入4348万元,占年初预算10065万元的43.2%,同比下降6.5%。其中:税收收入3511万元,"
        "占年初预算8465万元的41.5%;非税收入887万元,占年初预算1600万元的55.4%。", "SUM001", "4348万元"),
    "占X的比重为p%: the whole is X": (
        "累计完成公共财政预算总收入67949万元。累计完成税收收入36552万元,税收占财政总收入的比重为58.79%。",
        "RAT002", "58.79%"),
    "the funding scope said once on the 三公 total covers its parts": (
        "2015年中央行政事业单位财政拨款的“三公”经费支出合计53.73亿元。“三公”经费中,因公出国(境)经费17.44亿元;"
        "公务用车购置及运行费30.87亿元;公务接待费5.72亿元。", "SUM004", "53.73亿元"),
    "a flattened 三公 table: 购置费 + 运行费 against 购置及运行费": (
        "经费项目 |\n2020年度支出 (万元) |\n支出减少情况(万元) |\n支出减少率 |\n"
        "因公出国(境)费 |\n0 |\n0 |\n0% |\n公务接待费 |\n71.53 |\n- |\n- |\n"
        "公务用车购置及运行维护费 |\n1857.23 |\n- |\n- |\n公务用车购置费 |\n428.81 |\n- |\n- |\n"
        "公务用车运行维护费 |\n1433.42 |\n- |\n- |\n总“三公”经费支出 |\n1928.76 |\n- |\n- |\n",
        "SUM005", "1857.23"),
    "占X收入的p% where X's figure is written 'X完成N万元'": (
        "地方一般公共预算收入完成28,583万元(自然口径),占调整预算105.47%。税务部门完成13,866万元,"
        "占调整预算100.93%,占一般公共预算收入的46.51%。", "RAT002", "46.51%"),
    "a prose list of scores, then 总得分 written without 分": (
        "本项目累计安排资金10万元,其中:项目立项6分,绩效目标5分,资金投入4分,资金管理9分,组织实施6分,"
        "时效目标10分,成本目标0分,数量目标10分,质量目标10分,社会效益目标15分,服务对象满意度15分,总得分98。",
        "SUM001", "98"),
    "节约率 = 节约资金 / 采购计划金额 (a truncated rate is a warning)": (
        "工程类采购计划金额共计30005.94万元,实际采购金额共计24380.43万元,共节约资金5625.51万元,节约率为18%。",
        "RAT001", "18%"),
    "占p% with no whole named: of the 三公 total the parts make up": (
        "2019年度“三公”经费财政拨款支出决算为17.06万元,完成预算27万元的63.2%。\n"
        "2019年“三公”经费财政拨款支出决算中,因公出国(境)费7.8万元,占45.7%;公务用车购置及运行费支出7.5万元,"
        "占46.0%;公务接待费支出1.76万元,占10.3%。", "RAT002", "46.0%"),
    "较2024年的X万元减少d、下降p%: p against X": (
        "“三公”经费预算总额为1969万元,较2024年的2190万元减少221万元,下降11.1%。", "CHG002", "11.1%"),
    "分部门情况是: the paragraph's total split by department (pinyin glosses read through)": (
        "上半年,全區完成公共財政預(yù)算收入20348萬(wàn)元,為預(yù)算的55.3%。分部門(mén)情況是:"
        "國(guó)稅部門(mén)完成3954萬(wàn)元,為預(yù)算的47.9%;地稅部門(mén)完成10929萬(wàn)元,為預(yù)算的50.1%;"
        "財政部門(mén)完成5865萬(wàn)元,為預(yù)算的78%。", "SUM001", "20348萬(wàn)元"),
    "完成年初预算100% while 决算数大于预算数 d: the implied budget gives another rate": (
        "2017年度,本单位一般公共预算财政拨款支出总计1741.75万元,与上年相比减少53.7万元,降低2.99%;"
        "完成年初预算100%,决算数大于预算数55.93万元。", "RAT001", "100%"),
    "三公经费财政拨款支出合计 is the 三公 total of its 其中 list": (
        "2022年,中央本级“三公”经费财政拨款支出合计28.24亿元。其中,因公出国(境)费2.94亿元;"
        "公务用车购置及运行费25.72亿元;公务接待费0.58亿元。", "SUM001", "28.24亿元"),
    "三公经费财政拨款预算数: the funds named after the concept": (
        "2010年三公经费财政拨款预算数2711.65万元。其中,因公出国(境)费617万元,公务用车购置及运行费1279.65万元,"
        "公务接待费865万元。", "SUM001", "2711.65万元"),
    "a 自评表 row executed at 100% scoring less than its weight (markdown-style rows, pinyin glosses)": (
        "項(xiàng)目資金 (萬元) |\n年初預(yù)算數(shù) | 全年預(yù)算數(shù) | 全年執(zhí)行數(shù) | 分值 | 執(zhí)行率 | 得分 | ||||\n"
        "| 年度資金總額 | 7.29 | 7.29 | 7.29 | 10.00 | 100% | 9.00 | ||||\n", "SCO005", "9.00"),
}


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_reviewer_would_dismiss_nothing(text):
    findings = audit_text(text).findings
    assert [f for f in findings if f.severity in {"error", "warning"}] == [], [f.message("en") for f in findings]


@pytest.mark.parametrize("text,rule,stated", FOUND.values(), ids=FOUND.keys())
def test_contradiction_is_found(text, rule, stated):
    findings = [f for f in audit_text(text).findings if f.rule == rule]
    assert any(f.stated == stated for f in findings), [f.message("en") for f in findings]
