# generated — do not edit: compiled from forms/merge_dialog.ui by build_scripts/compile_forms.py
# source-sha256: 832c897c851aca79cf4ef7de3d93157cbe4d140f9ebc4cfba5c156683f265598
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'merge_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

class Ui_MergeDialog(object):
    def setupUi(self, MergeDialog):
        if not MergeDialog.objectName():
            MergeDialog.setObjectName(u"MergeDialog")
        MergeDialog.resize(560, 560)
        self.mainLayout = QVBoxLayout(MergeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.lblIntro = QLabel(MergeDialog)
        self.lblIntro.setObjectName(u"lblIntro")
        self.lblIntro.setWordWrap(True)

        self.mainLayout.addWidget(self.lblIntro)

        self.lblSources = QLabel(MergeDialog)
        self.lblSources.setObjectName(u"lblSources")

        self.mainLayout.addWidget(self.lblSources)

        self.sourceList = QListWidget(MergeDialog)
        self.sourceList.setObjectName(u"sourceList")

        self.mainLayout.addWidget(self.sourceList)

        self.dateLayout = QFormLayout()
        self.dateLayout.setObjectName(u"dateLayout")
        self.lblDate = QLabel(MergeDialog)
        self.lblDate.setObjectName(u"lblDate")

        self.dateLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lblDate)

        self.mergeDate = QDateEdit(MergeDialog)
        self.mergeDate.setObjectName(u"mergeDate")
        self.mergeDate.setCalendarPopup(True)

        self.dateLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.mergeDate)


        self.mainLayout.addLayout(self.dateLayout)

        self.targetGroup = QGroupBox(MergeDialog)
        self.targetGroup.setObjectName(u"targetGroup")
        self.targetLayout = QFormLayout(self.targetGroup)
        self.targetLayout.setObjectName(u"targetLayout")
        self.rbExisting = QRadioButton(self.targetGroup)
        self.rbExisting.setObjectName(u"rbExisting")
        self.rbExisting.setChecked(True)

        self.targetLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.rbExisting)

        self.lblTarget = QLabel(self.targetGroup)
        self.lblTarget.setObjectName(u"lblTarget")

        self.targetLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lblTarget)

        self.targetCombo = QComboBox(self.targetGroup)
        self.targetCombo.setObjectName(u"targetCombo")

        self.targetLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.targetCombo)

        self.lblRename = QLabel(self.targetGroup)
        self.lblRename.setObjectName(u"lblRename")

        self.targetLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lblRename)

        self.renameEdit = QLineEdit(self.targetGroup)
        self.renameEdit.setObjectName(u"renameEdit")

        self.targetLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.renameEdit)

        self.rbNew = QRadioButton(self.targetGroup)
        self.rbNew.setObjectName(u"rbNew")

        self.targetLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.rbNew)

        self.lblNewCode = QLabel(self.targetGroup)
        self.lblNewCode.setObjectName(u"lblNewCode")

        self.targetLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lblNewCode)

        self.newCodeEdit = QLineEdit(self.targetGroup)
        self.newCodeEdit.setObjectName(u"newCodeEdit")
        self.newCodeEdit.setMaxLength(40)

        self.targetLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.newCodeEdit)

        self.lblNewName = QLabel(self.targetGroup)
        self.lblNewName.setObjectName(u"lblNewName")

        self.targetLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lblNewName)

        self.newNameEdit = QLineEdit(self.targetGroup)
        self.newNameEdit.setObjectName(u"newNameEdit")
        self.newNameEdit.setMaxLength(200)

        self.targetLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.newNameEdit)

        self.lblNewKind = QLabel(self.targetGroup)
        self.lblNewKind.setObjectName(u"lblNewKind")

        self.targetLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.lblNewKind)

        self.newKindCombo = QComboBox(self.targetGroup)
        self.newKindCombo.setObjectName(u"newKindCombo")

        self.targetLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.newKindCombo)


        self.mainLayout.addWidget(self.targetGroup)

        self.lblError = QLabel(MergeDialog)
        self.lblError.setObjectName(u"lblError")
        self.lblError.setWordWrap(True)

        self.mainLayout.addWidget(self.lblError)

        self.buttonBox = QDialogButtonBox(MergeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.lblSources.setBuddy(self.sourceList)
        self.lblDate.setBuddy(self.mergeDate)
        self.lblTarget.setBuddy(self.targetCombo)
        self.lblRename.setBuddy(self.renameEdit)
        self.lblNewCode.setBuddy(self.newCodeEdit)
        self.lblNewName.setBuddy(self.newNameEdit)
        self.lblNewKind.setBuddy(self.newKindCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sourceList, self.mergeDate)
        QWidget.setTabOrder(self.mergeDate, self.rbExisting)
        QWidget.setTabOrder(self.rbExisting, self.targetCombo)
        QWidget.setTabOrder(self.targetCombo, self.renameEdit)
        QWidget.setTabOrder(self.renameEdit, self.rbNew)
        QWidget.setTabOrder(self.rbNew, self.newCodeEdit)
        QWidget.setTabOrder(self.newCodeEdit, self.newNameEdit)
        QWidget.setTabOrder(self.newNameEdit, self.newKindCombo)

        self.retranslateUi(MergeDialog)
    # setupUi

    def retranslateUi(self, MergeDialog):
        MergeDialog.setWindowTitle(QCoreApplication.translate("MergeDialog", u"S\u00e1p nh\u1eadp \u0111\u01a1n v\u1ecb", None))
        self.lblIntro.setText(QCoreApplication.translate("MergeDialog", u"\u0110\u00e1nh d\u1ea5u c\u00e1c \u0111\u01a1n v\u1ecb \u0111\u01b0\u1ee3c s\u00e1p nh\u1eadp. T\u1eeb ng\u00e0y s\u00e1p nh\u1eadp, ch\u00fang ng\u1eebng ho\u1ea1t \u0111\u1ed9ng v\u00e0 tr\u1ecf t\u1edbi \u0111\u01a1n v\u1ecb nh\u1eadn s\u00e1p nh\u1eadp; c\u00e1c b\u00e1o c\u00e1o c\u0169 c\u1ee7a ch\u00fang v\u1eabn \u0111\u01b0\u1ee3c gi\u1eef nguy\u00ean.", None))
        self.lblSources.setText(QCoreApplication.translate("MergeDialog", u"C\u00e1c \u0111\u01a1n v\u1ecb \u0111\u01b0\u1ee3c &s\u00e1p nh\u1eadp:", None))
#if QT_CONFIG(accessibility)
        self.sourceList.setAccessibleName(QCoreApplication.translate("MergeDialog", u"C\u00e1c \u0111\u01a1n v\u1ecb \u0111\u01b0\u1ee3c s\u00e1p nh\u1eadp", None))
#endif // QT_CONFIG(accessibility)
        self.lblDate.setText(QCoreApplication.translate("MergeDialog", u"&Ng\u00e0y s\u00e1p nh\u1eadp (c\u00f3 hi\u1ec7u l\u1ef1c):", None))
        self.mergeDate.setDisplayFormat(QCoreApplication.translate("MergeDialog", u"dd/MM/yyyy", None))
        self.targetGroup.setTitle(QCoreApplication.translate("MergeDialog", u"\u0110\u01a1n v\u1ecb sau s\u00e1p nh\u1eadp", None))
        self.rbExisting.setText(QCoreApplication.translate("MergeDialog", u"S\u00e1p nh\u1eadp &v\u00e0o m\u1ed9t \u0111\u01a1n v\u1ecb c\u00f3 s\u1eb5n", None))
        self.lblTarget.setText(QCoreApplication.translate("MergeDialog", u"\u0110\u01a1n v\u1ecb &nh\u1eadn:", None))
        self.lblRename.setText(QCoreApplication.translate("MergeDialog", u"\u0110\u1ed5i &t\u00ean th\u00e0nh:", None))
        self.renameEdit.setPlaceholderText(QCoreApplication.translate("MergeDialog", u"\u0111\u1ec3 tr\u1ed1ng n\u1ebfu gi\u1eef t\u00ean", None))
        self.rbNew.setText(QCoreApplication.translate("MergeDialog", u"Th\u00e0nh m\u1ed9t \u0111\u01a1n v\u1ecb &m\u1edbi", None))
        self.lblNewCode.setText(QCoreApplication.translate("MergeDialog", u"M\u00e3 \u0111\u01a1n v\u1ecb m\u1edb&i:", None))
        self.lblNewName.setText(QCoreApplication.translate("MergeDialog", u"T\u00ean \u0111\u01a1n v\u1ecb m\u1edbi:", None))
        self.lblNewKind.setText(QCoreApplication.translate("MergeDialog", u"Lo\u1ea1i \u0111\u01a1n v\u1ecb:", None))
        self.lblError.setText("")
    # retranslateUi

