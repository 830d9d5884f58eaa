package demo

// Places: the Gansu counties the workers come from (Lanzhou and Dingxi, as
// in the 2021 cooperation) and the Nanjing districts the employers are in.

// county is a household-registration county with its towns, for addresses.
type county struct {
	code   string
	name   string
	weight int // share of the registered workers
	towns  []string
}

// gansuCounties: the Dingxi counties and Lanzhou's rural counties send the
// most; the city districts fewer.
var gansuCounties = []county{
	{"620102", "城关区", 3, []string{"雁北街道", "伏龙坪街道", "青白石街道", "盐场路街道"}},
	{"620103", "七里河区", 5, []string{"西果园镇", "阿干镇", "八里镇", "魏岭乡", "黄峪镇"}},
	{"620104", "西固区", 3, []string{"河口镇", "达川镇", "柳泉镇", "金沟乡"}},
	{"620105", "安宁区", 2, []string{"沙井驿街道", "安宁堡街道", "刘家堡街道"}},
	{"620111", "红古区", 3, []string{"海石湾镇", "花庄镇", "平安镇", "红古镇"}},
	{"620121", "永登县", 10, []string{"城关镇", "红城镇", "中堡镇", "武胜驿镇", "河桥镇", "连城镇", "苦水镇"}},
	{"620122", "皋兰县", 5, []string{"石洞镇", "忠和镇", "什川镇", "九合镇", "水阜镇", "黑石镇"}},
	{"620123", "榆中县", 12, []string{"城关镇", "夏官营镇", "高崖镇", "金崖镇", "和平镇", "甘草店镇", "青城镇", "定远镇", "连搭镇", "新营镇"}},
	{"621102", "安定区", 10, []string{"凤翔镇", "内官营镇", "巉口镇", "西巩驿镇", "宁远镇", "李家堡镇", "团结镇", "香泉镇"}},
	{"621121", "通渭县", 9, []string{"平襄镇", "马营镇", "鸡川镇", "榜罗镇", "常家河镇", "义岗川镇"}},
	{"621122", "陇西县", 10, []string{"巩昌镇", "文峰镇", "首阳镇", "菜子镇", "福星镇", "通安驿镇"}},
	{"621123", "渭源县", 8, []string{"清源镇", "莲峰镇", "会川镇", "五竹镇", "路园镇"}},
	{"621124", "临洮县", 10, []string{"洮阳镇", "八里铺镇", "新添镇", "辛店镇", "太石镇", "中铺镇"}},
	{"621125", "漳县", 6, []string{"武阳镇", "三岔镇", "盐井镇", "新寺镇", "殪虎桥镇"}},
	{"621126", "岷县", 9, []string{"岷阳镇", "蒲麻镇", "西寨镇", "梅川镇", "西江镇", "闾井镇"}},
}

// villageHeads and villageTails make village names such as 马家湾村.
var (
	villageHeads = []string{"马家", "王家", "李家", "张家", "杨家", "何家", "魏家", "牛家", "陈家", "刘家",
		"红土", "黄土", "柳树", "杏树", "石头", "大", "小", "上", "下", "新", "东", "西", "南", "北", "前进", "团结"}
	villageTails = []string{"湾村", "沟村", "坪村", "庄村", "川村", "岔村", "山村", "河村", "堡村", "塬村"}
)

// district is a Nanjing district with some of its roads, for addresses.
type district struct {
	code  string
	name  string
	roads []string
}

var nanjingDistricts = map[string]district{
	"320102": {"320102", "玄武区", []string{"中山路", "北京东路", "珠江路", "龙蟠路", "玄武大道"}},
	"320104": {"320104", "秦淮区", []string{"中华路", "太平南路", "龙蟠中路", "御道街", "大明路"}},
	"320105": {"320105", "建邺区", []string{"江东中路", "庐山路", "奥体大街", "汉中门大街", "嘉陵江东街"}},
	"320106": {"320106", "鼓楼区", []string{"中山北路", "湖南路", "广州路", "虎踞路", "热河路"}},
	"320111": {"320111", "浦口区", []string{"浦珠北路", "江浦大道", "天华路", "浦口大道", "星火路"}},
	"320113": {"320113", "栖霞区", []string{"仙林大道", "文苑路", "和燕路", "尧化街", "栖霞大道"}},
	"320114": {"320114", "雨花台区", []string{"软件大道", "雨花大道", "宁丹路", "凤信路", "西善桥路"}},
	"320115": {"320115", "江宁区", []string{"双龙大道", "天元中路", "胜太路", "将军大道", "秣周东路"}},
	"320116": {"320116", "六合区", []string{"雄州南路", "葛关路", "新华路", "龙池路", "大厂园区路"}},
	"320117": {"320117", "溧水区", []string{"珍珠南路", "秦淮大街", "天生桥大道", "机场路"}},
	"320118": {"320118", "高淳区", []string{"宝塔路", "石臼湖北路", "芜太路", "淳溪路"}},
}

// nanjingDistrictCodes in code order, for draws that must be reproducible
// (map order is not).
var nanjingDistrictCodes = []string{"320102", "320104", "320105", "320106", "320111", "320113",
	"320114", "320115", "320116", "320117", "320118"}

// Desired work regions, as workers tick them on the registration form.
const (
	jiangsu   = "320000"
	nanjing   = "320100"
	guangdong = "440000"
	zhejiang  = "330000"
)
