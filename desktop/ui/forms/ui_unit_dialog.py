# generated — do not edit: compiled from forms/unit_dialog.ui by build_scripts/compile_forms.py
# source-sha256: cc61a350e59a611e9b40369e67405e5708275703cc0c4ea96044153dcff1d807
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unit_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

class Ui_UnitDialog(object):
    def setupUi(self, UnitDialog):
        if not UnitDialog.objectName():
            UnitDialog.setObjectName(u"UnitDialog")
        UnitDialog.resize(480, 280)
        self.mainLayout = QVBoxLayout(UnitDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.lblCode = QLabel(UnitDialog)
        self.lblCode.setObjectName(u"lblCode")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lblCode)

        self.codeEdit = QLineEdit(UnitDialog)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.lblName = QLabel(UnitDialog)
        self.lblName.setObjectName(u"lblName")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lblName)

        self.nameEdit = QLineEdit(UnitDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.lblKind = QLabel(UnitDialog)
        self.lblKind.setObjectName(u"lblKind")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lblKind)

        self.kindCombo = QComboBox(UnitDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.lblBlock = QLabel(UnitDialog)
        self.lblBlock.setObjectName(u"lblBlock")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lblBlock)

        self.blockCombo = QComboBox(UnitDialog)
        self.blockCombo.setObjectName(u"blockCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.blockCombo)

        self.chkFrom = QCheckBox(UnitDialog)
        self.chkFrom.setObjectName(u"chkFrom")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.chkFrom)

        self.fromDate = QDateEdit(UnitDialog)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setEnabled(False)
        self.fromDate.setCalendarPopup(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.fromDate)


        self.mainLayout.addLayout(self.formLayout)

        self.lblError = QLabel(UnitDialog)
        self.lblError.setObjectName(u"lblError")
        self.lblError.setWordWrap(True)
        self.lblError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.lblError)

        self.buttonBox = QDialogButtonBox(UnitDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.lblCode.setBuddy(self.codeEdit)
        self.lblName.setBuddy(self.nameEdit)
        self.lblKind.setBuddy(self.kindCombo)
        self.lblBlock.setBuddy(self.blockCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.blockCombo)
        QWidget.setTabOrder(self.blockCombo, self.chkFrom)
        QWidget.setTabOrder(self.chkFrom, self.fromDate)

        self.retranslateUi(UnitDialog)
    # setupUi

    def retranslateUi(self, UnitDialog):
        UnitDialog.setWindowTitle(QCoreApplication.translate("UnitDialog", u"\u0110\u01a1n v\u1ecb", None))
        self.lblCode.setText(QCoreApplication.translate("UnitDialog", u"&M\u00e3 \u0111\u01a1n v\u1ecb:", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"v\u00ed d\u1ee5 22810 (m\u00e3 c\u1ee7a c\u01a1 quan th\u1ed1ng k\u00ea)", None))
        self.lblName.setText(QCoreApplication.translate("UnitDialog", u"T\u00ea&n \u0111\u01a1n v\u1ecb:", None))
        self.lblKind.setText(QCoreApplication.translate("UnitDialog", u"&Lo\u1ea1i \u0111\u01a1n v\u1ecb:", None))
        self.lblBlock.setText(QCoreApplication.translate("UnitDialog", u"&Kh\u1ed1i thi \u0111ua:", None))
        self.chkFrom.setText(QCoreApplication.translate("UnitDialog", u"Ho\u1ea1t \u0111\u1ed9ng &t\u1eeb ng\u00e0y:", None))
        self.fromDate.setDisplayFormat(QCoreApplication.translate("UnitDialog", u"dd/MM/yyyy", None))
        self.lblError.setText("")
    # retranslateUi

