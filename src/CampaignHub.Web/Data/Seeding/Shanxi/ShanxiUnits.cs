namespace CampaignHub.Web.Data.Seeding.Shanxi;

/// <summary>
/// The 25 specialist units (专委会) of the Shanxi Anti-Cancer Association, in the order the 2021 summary lists
/// them. The names are the text's own; the topics only give the demo's ordinary events plausible titles.
/// </summary>
internal static class ShanxiUnits
{
    public const string LungCancer = "肺癌专委会";
    public const string HealthEducation = "健康教育与健康促进专委会";
    public const string Urology = "泌尿男生殖系肿瘤专委会";
    public const string Imaging = "肿瘤影像专委会";
    public const string Endoscopy = "肿瘤内镜学专委会";
    public const string BreastCancer = "乳腺癌专委会";
    public const string Nursing = "肿瘤护理专委会";
    public const string Epidemiology = "肿瘤流行病专委会";
    public const string ContinuingCare = "延续护理专委会";
    public const string Radiotherapy = "肿瘤放疗专委会";
    public const string Neuroendocrine = "神经内分泌肿瘤专委会";
    public const string Hospice = "安宁疗护专委会";
    public const string Lymphoma = "淋巴瘤专委会";
    public const string Thoracoscopy = "肿瘤胸腔镜专委会";
    public const string CardioOncology = "肿瘤心脏病专委会";
    public const string Infusion = "静脉输液治疗专委会";
    public const string TumourMarkers = "肿瘤标志物专委会";
    public const string Gynaecology = "妇科肿瘤专委会";
    public const string Nutrition = "肿瘤营养支持专委会";

    public static IReadOnlyList<DemoUnit> All { get; } =
    [
        new(LungCancer, "Lung Cancer Committee", "肺癌", ["肺癌早筛与低剂量螺旋CT", "戒烟与肺癌预防"]),
        new(HealthEducation, "Health Education and Health Promotion Committee", "健康教育", ["癌症防治核心知识", "健康生活方式与防癌"]),
        new("肿瘤转移防治专委会", "Cancer Metastasis Prevention and Treatment Committee", "肿瘤转移防治", ["肿瘤复发转移的早期识别", "骨转移的规范治疗"]),
        new(Urology, "Urological and Male Genital Tumours Committee", "泌尿肿瘤", ["前列腺癌早诊早治", "膀胱癌与肾癌防治"]),
        new(Imaging, "Oncologic Imaging Committee", "肿瘤影像", ["肺结节的影像随访", "肿瘤影像检查怎么选"]),
        new("肿瘤介入及介入护理专委会", "Interventional Oncology and Interventional Nursing Committee", "肿瘤介入", ["肝癌的介入治疗", "介入术后护理"]),
        new(Nutrition, "Cancer Nutrition Support Committee", "肿瘤营养", ["肿瘤患者的营养管理", "放化疗期间怎么吃"]),
        new(Endoscopy, "Oncologic Endoscopy Committee", "消化内镜", ["胃肠镜与消化道早癌筛查", "幽门螺杆菌与胃癌预防"]),
        new(BreastCancer, "Breast Cancer Committee", "乳腺癌", ["乳腺自检与乳腺癌早筛", "乳腺癌术后康复"]),
        new(Nursing, "Oncology Nursing Committee", "肿瘤护理", ["化疗患者居家护理", "伤口造口护理"]),
        new(Epidemiology, "Cancer Epidemiology Committee", "肿瘤流行病", ["癌症危险因素与预防", "肿瘤登记与癌症数据"]),
        new(ContinuingCare, "Continuing Care Committee", "延续护理", ["出院患者的延续护理", "肿瘤患者居家康复"]),
        new(Radiotherapy, "Radiation Oncology Committee", "肿瘤放疗", ["放射治疗知多少", "放疗副反应的应对"]),
        new(Neuroendocrine, "Neuroendocrine Neoplasms Committee", "神经内分泌肿瘤", ["认识神经内分泌肿瘤", "神经内分泌肿瘤的规范诊治"]),
        new(Hospice, "Hospice and Palliative Care Committee", "安宁疗护", ["安宁疗护与生命关怀", "癌痛的规范化管理"]),
        new(Lymphoma, "Lymphoma Committee", "淋巴瘤", ["淋巴瘤的早期信号", "淋巴瘤治疗新进展"]),
        new("肿瘤化疗专委会", "Cancer Chemotherapy Committee", "肿瘤化疗", ["化疗不良反应的管理", "科学认识化疗"]),
        new(Thoracoscopy, "Thoracoscopic Oncology Committee", "胸腔镜", ["肺癌的微创手术", "胸腔镜术后康复"]),
        new("老年肿瘤专委会", "Geriatric Oncology Committee", "老年肿瘤", ["老年人防癌体检", "老年肿瘤患者的综合评估"]),
        new(CardioOncology, "Cardio-Oncology Committee", "肿瘤心脏病", ["抗肿瘤治疗中的心脏保护", "肿瘤与心血管病共病管理"]),
        new(Infusion, "Intravenous Infusion Therapy Committee", "静脉治疗", ["PICC与输液港的维护", "安全静脉输液"]),
        new(TumourMarkers, "Tumour Markers Committee", "肿瘤标志物", ["肿瘤标志物的解读", "肺结节与自身抗体检测"]),
        new(Gynaecology, "Gynaecological Oncology Committee", "妇科肿瘤", ["宫颈癌筛查与HPV疫苗", "卵巢癌的早期识别"]),
        new("靶向治疗专委会", "Targeted Therapy Committee", "靶向治疗", ["基因检测与靶向治疗", "靶向药物不良反应的处理"]),
        new("传统医学专委会", "Traditional Medicine Committee", "中医", ["中医药与肿瘤康复", "中医养生与防癌"]),
    ];

    /// <summary>The units an outpatient department's free clinic stands for (胸外科 → lung cancer, PICC → infusion...).</summary>
    public static IReadOnlyList<string> OutpatientDepartments { get; } =
    [
        LungCancer, Thoracoscopy, BreastCancer, Endoscopy, Lymphoma, Radiotherapy, Urology, Epidemiology, Infusion, Hospice, Nursing,
    ];
}
